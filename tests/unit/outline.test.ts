import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphStateOf, type EdgeState, type NodeState } from '@/lib/domain/ops';
import {
  ancestorKeys,
  buildOutline,
  moveTargets,
  primaryKeys,
  visibleRows,
  type OutlineItem,
} from '@/lib/domain/outline';
import type { Relation } from '@/lib/domain/types';
import { DEMO_EDGES, DEMO_NODES } from '@/prisma/seed/demo-map';

const node = (id: string, y = 0, deleted = false): NodeState => ({
  id,
  kind: 'CLAIM',
  text: id,
  side: 'NEUTRAL',
  x: 0,
  y,
  version: 1,
  anchor: null,
  card: null,
  tags: [],
  deleted,
});
const edge = (
  id: string,
  fromId: string,
  relation: Relation,
  toId: string,
  groupId: string | null = null,
  deleted = false,
): EdgeState => ({
  id,
  fromId,
  toId,
  relation,
  groupId,
  scheme: null,
  schemeName: null,
  answers: null,
  version: 1,
  deleted,
});

/** Every item as "indent + kind:text", for a readable expectation. */
const lines = (items: OutlineItem[], depth = 0): string[] =>
  items.flatMap((i) => [
    `${'  '.repeat(depth)}${i.relation ?? 'root'} ${i.type === 'together' ? 'together' : `${i.type}:${i.node.id}`}`,
    ...lines(i.children, depth + 1),
  ]);

/** How many times each node appears as a primary item. */
const primaryCounts = (items: OutlineItem[]) => {
  const counts = new Map<string, number>();
  const walk = (list: OutlineItem[]) =>
    list.forEach((i) => {
      if (i.type === 'node') counts.set(i.node.id, (counts.get(i.node.id) ?? 0) + 1);
      walk(i.children);
    });
  walk(items);
  return counts;
};

describe('the outline of a map', () => {
  it('nests supports, then objections, then undercutters under what they bear on, and groups linked premises', () => {
    const state = graphStateOf(
      [node('claim'), node('p1', 1), node('p2', 2), node('obj', 3), node('cut', 4), node('gone')],
      [
        edge('e1', 'p1', 'SUPPORTS', 'claim', 'g'),
        edge('e2', 'p2', 'SUPPORTS', 'claim', 'g'),
        edge('e3', 'obj', 'ATTACKS', 'claim'),
        edge('e4', 'cut', 'UNDERCUTS', 'p1'),
        edge('e5', 'gone', 'SUPPORTS', 'claim', null, true),
      ],
    );
    expect(lines(buildOutline(state))).toEqual([
      'root node:claim',
      '  SUPPORTS together',
      '    SUPPORTS node:p1',
      '      UNDERCUTS node:cut',
      '    SUPPORTS node:p2',
      '  ATTACKS node:obj',
      'root node:gone',
    ]);
  });

  it('shows a node that bears on two things once, and a "see" item under the second', () => {
    const state = graphStateOf(
      [node('a'), node('b', 1), node('shared', 2)],
      [edge('e1', 'shared', 'SUPPORTS', 'a'), edge('e2', 'shared', 'ATTACKS', 'b')],
    );
    const outline = buildOutline(state);
    expect(lines(outline)).toEqual([
      'root node:a',
      '  SUPPORTS node:shared',
      'root node:b',
      '  ATTACKS see:shared',
    ]);
    const see = outline[1]!.children[0]!;
    expect(see.type === 'see' && see.primaryKey).toBe('a/e1');
    expect(primaryKeys(outline).get('shared')).toBe('a/e1');
  });

  it('says "contradicts" under both statements of a contradiction, neither resting on the other', () => {
    const state = graphStateOf(
      [node('a'), node('b', 1), node('p', 2), node('o', 3)],
      [
        edge('e1', 'a', 'CONTRADICTS', 'b'),
        edge('e2', 'p', 'SUPPORTS', 'a'),
        edge('e3', 'o', 'ATTACKS', 'b'),
      ],
    );
    const outline = buildOutline(state);
    // Both stay roots with their own reasons; no end is made an objection to the other.
    expect(lines(outline)).toEqual([
      'root node:a',
      '  SUPPORTS node:p',
      '  CONTRADICTS see:b',
      'root node:b',
      '  ATTACKS node:o',
      '  CONTRADICTS see:a',
    ]);
    const underA = outline[0]!.children[1]!;
    const underB = outline[1]!.children[1]!;
    expect(underA.type === 'see' && underA.primaryKey).toBe('b');
    expect(underB.type === 'see' && underB.primaryKey).toBe('a');
    expect(underA.edge?.id).toBe('e1');
    expect(underB.edge?.id).toBe('e1');
  });

  it('leaves deleted nodes out and survives a circle of supports', () => {
    const state = graphStateOf(
      [node('x'), node('y', 1), node('dead', 2, true)],
      [
        edge('e1', 'x', 'SUPPORTS', 'y'),
        edge('e2', 'y', 'SUPPORTS', 'x'),
        edge('e3', 'dead', 'SUPPORTS', 'x'),
      ],
    );
    expect(lines(buildOutline(state))).toEqual([
      'root node:x',
      '  SUPPORTS node:y',
      '    SUPPORTS see:x',
    ]);
  });

  it('lists the rows a reader sees, with their level and place among siblings', () => {
    const state = graphStateOf(
      [node('c'), node('p', 1), node('q', 2), node('r', 3)],
      [
        edge('e1', 'p', 'SUPPORTS', 'c'),
        edge('e2', 'q', 'ATTACKS', 'c'),
        edge('e3', 'r', 'SUPPORTS', 'p'),
      ],
    );
    const outline = buildOutline(state);
    const all = visibleRows(outline, new Set());
    expect(all.map((r) => [r.item.key, r.level, r.posInSet, r.setSize, r.expanded])).toEqual([
      ['c', 1, 1, 1, true],
      ['c/e1', 2, 1, 2, true],
      ['c/e1/e3', 3, 1, 1, null],
      ['c/e2', 2, 2, 2, null],
    ]);
    expect(all[2]!.parentNodeId).toBe('p');
    const folded = visibleRows(outline, new Set(['c/e1']));
    expect(folded.map((r) => r.item.key)).toEqual(['c', 'c/e1', 'c/e2']);
    expect(folded[1]!.expanded).toBe(false);
    expect(ancestorKeys('c/e1/e3')).toEqual(['c', 'c/e1']);
  });

  it('offers as new parents every node but the moved one, what rests on it and its parent now', () => {
    const nodes = [node('c'), node('d', 1), node('p', 2), node('r', 3)];
    const state = graphStateOf(nodes, [
      edge('e1', 'p', 'SUPPORTS', 'c'),
      edge('e3', 'r', 'SUPPORTS', 'p'),
    ]);
    const targets = moveTargets(buildOutline(state), 'p', 'c', nodes);
    expect(targets.map((n) => n.id)).toEqual(['d']);
  });

  it('holds every node of the demo debate exactly once as a primary item', () => {
    const nodes = DEMO_NODES.map((n, i) => ({ ...node(n.key, i), kind: n.kind, text: n.text }));
    const edges = DEMO_EDGES.map(([from, relation, to, group], i) =>
      edge(`e${i}`, from, relation, to, group ?? null),
    );
    const outline = buildOutline(graphStateOf(nodes, edges));
    const counts = primaryCounts(outline);
    expect(counts.size).toBe(nodes.length);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    // The motion, with most of the map beneath it, comes first.
    const first = outline[0]!;
    expect(first.type === 'node' && first.node.id).toBe('motion');
    // Keys are unique, so each row can be a treeitem with its own id.
    const keys = visibleRows(outline, new Set()).map((r) => r.item.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('holds every live node of any graph exactly once as a primary item, with unique keys', () => {
    const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];
    const arbEdge = fc.record({
      from: fc.constantFrom(...IDS),
      to: fc.constantFrom(...IDS),
      relation: fc.constantFrom<Relation>(
        'SUPPORTS',
        'ATTACKS',
        'UNDERCUTS',
        'REPHRASES',
        'CONTRADICTS',
      ),
      group: fc.option(fc.constantFrom('g1', 'g2'), { nil: null }),
      deleted: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.subarray(IDS, { minLength: 1 }),
        fc.subarray(IDS),
        fc.array(arbEdge, { maxLength: 14 }),
        (present, deletedIds, raw) => {
          const nodes = present.map((id, i) => node(id, i % 3, deletedIds.includes(id)));
          const edges = raw.map((e, i) =>
            edge(`e${i}`, e.from, e.relation, e.to, e.group, e.deleted),
          );
          const outline = buildOutline(graphStateOf(nodes, edges));
          const counts = primaryCounts(outline);
          const live = nodes.filter((n) => !n.deleted).map((n) => n.id);
          expect([...counts.keys()].sort()).toEqual([...live].sort());
          expect([...counts.values()].every((c) => c === 1)).toBe(true);
          const keys = visibleRows(outline, new Set()).map((r) => r.item.key);
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
    );
  });
});
