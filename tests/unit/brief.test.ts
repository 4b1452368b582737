import { describe, expect, it } from 'vitest';
import { buildBrief, type BriefItem } from '@/lib/domain/brief';
import type { GraphEdge, GraphNode, Relation, Side } from '@/lib/domain/types';

const node = (id: string, side: Side, y = 0): GraphNode => ({
  id,
  kind: 'CLAIM',
  text: id,
  side,
  x: 0,
  y,
  version: 1,
  anchor: null,
  card: null,
  tags: [],
});
const edge = (fromId: string, relation: Relation, toId: string): GraphEdge => ({
  id: `${fromId}-${toId}`,
  fromId,
  toId,
  relation,
  groupId: null,
  scheme: null,
  schemeName: null,
  answers: null,
  version: 1,
});
const outline = (items: BriefItem[], depth = 0): string[] =>
  items.flatMap((i) => [
    `${'  '.repeat(depth)}${i.relation ? `${i.relation.toLowerCase()}: ` : ''}${i.node.id}`,
    ...outline(i.children, depth + 1),
  ]);

describe('the debate brief', () => {
  const nodes = [
    node('for-claim', 'FOR'),
    node('for-reason', 'FOR', 100),
    node('against-claim', 'AGAINST'),
    node('rebuttal', 'FOR', 200),
  ];
  const edges = [
    edge('for-reason', 'SUPPORTS', 'for-claim'),
    edge('against-claim', 'ATTACKS', 'for-claim'),
    edge('rebuttal', 'ATTACKS', 'against-claim'),
  ];

  it('lists each side’s main claims with supports first, then objections and their rebuttals, nested', () => {
    const brief = buildBrief(nodes, edges);
    expect(brief.map((s) => s.side)).toEqual(['FOR', 'AGAINST']);
    expect(outline(brief[0]!.claims)).toEqual([
      'for-claim',
      '  supports: for-reason',
      '  attacks: against-claim',
      '    attacks: rebuttal',
      'rebuttal',
    ]);
    expect(outline(brief[1]!.claims)).toEqual(['against-claim', '  attacks: rebuttal']);
  });

  it('lists a contradiction under both statements, last, whichever way it was drawn', () => {
    const brief = buildBrief(
      [node('later', 'FOR'), node('same', 'AGAINST'), node('reason', 'FOR', 100)],
      [edge('reason', 'SUPPORTS', 'later'), edge('same', 'CONTRADICTS', 'later')],
    );
    expect(outline(brief[0]!.claims)).toEqual([
      'later',
      '  supports: reason',
      '  contradicts: same',
    ]);
    expect(outline(brief[1]!.claims)).toEqual([
      'same',
      '  contradicts: later',
      '    supports: reason',
    ]);
  });

  it('shows every node somewhere, and survives cycles', () => {
    const shown = new Set(
      outline(buildBrief(nodes, edges).flatMap((s) => s.claims)).map((line) =>
        line.trim().split(': ').at(-1),
      ),
    );
    expect([...shown].sort()).toEqual(nodes.map((n) => n.id).sort());
    const cyclic = buildBrief(
      [node('a', 'FOR'), node('b', 'AGAINST')],
      [edge('a', 'ATTACKS', 'b'), edge('b', 'ATTACKS', 'a')],
    );
    expect(outline(cyclic.flatMap((s) => s.claims))).toEqual([
      'a',
      '  attacks: b',
      'b',
      '  attacks: a',
    ]);
    // Two claims of one side supporting each other: neither is "main", both are shown.
    const circle = buildBrief(
      [node('p', 'FOR'), node('q', 'FOR', 50)],
      [edge('p', 'SUPPORTS', 'q'), edge('q', 'SUPPORTS', 'p')],
    );
    expect(outline(circle[0]!.claims)).toEqual(['p', '  supports: q']);
  });
});
