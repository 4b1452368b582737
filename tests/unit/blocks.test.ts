import { describe, expect, it } from 'vitest';
import { buildBlocks, type BlockPocket } from '@/lib/domain/evidence/blocks';
import type { GraphEdge, GraphNode, Relation, Side } from '@/lib/domain/types';
import { DEMO_EDGES, DEMO_NODES, nodeSide } from '@/prisma/seed/demo-map';

/** The demo debate as a graph: node ids are the seed's keys. */
const nodes: GraphNode[] = DEMO_NODES.map((n, i) => ({
  id: n.key,
  kind: n.kind,
  text: n.text,
  side: nodeSide(n),
  x: 0,
  y: i * 100,
  version: 1,
  anchor: n.quote
    ? { sourceId: n.source!, exact: n.quote, prefix: '', suffix: '', start: 0, end: n.quote.length }
    : null,
  card: n.key === 't-kazakh-mission' ? { underline: [[0, 10]], highlight: [[0, 5]] } : null,
  tags: [],
}));
const edges: GraphEdge[] = DEMO_EDGES.map(([fromId, relation, toId, groupId], i) => ({
  id: `e${i}`,
  fromId,
  toId,
  relation,
  groupId: groupId ?? null,
  scheme: null,
  schemeName: null,
  answers: null,
  version: 1,
}));

/** The outline as lines: pocket, hat, block, then tags with their cards. */
const outline = (pockets: BlockPocket[]) =>
  pockets.flatMap((p) => [
    `# ${p.title}`,
    ...p.hats.flatMap((h) => [
      `## ${h.node.id}`,
      ...h.blocks.flatMap((b) => [
        `### ${b.node.id}`,
        ...b.tags.map(
          (t) => `#### ${t.relation.toLowerCase()}: ${t.node.id} [${t.cards.map((c) => c.id)}]`,
        ),
      ]),
    ]),
  ]);

/** A plain connection between two nodes, as the graph holds it. */
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

describe('blocks from the demo debate', () => {
  it('files the answers to Strakes’s objections under the claim of Turchenko’s each attacks', () => {
    const lines = outline(buildBlocks(nodes, edges, 'FOR'));
    const section = lines.slice(lines.indexOf('# Answers to their objections'));
    // Strakes's "not a NATO-style pact" attacks Turchenko's Article 4 reading; the 2022 Kazakh mission answers it, and is its own card.
    expect(
      section.slice(section.indexOf('## t-article4'), section.indexOf('## t-article4') + 3),
    ).toEqual([
      '## t-article4',
      '### s-not-nato',
      '#### attacks: t-kazakh-mission [t-kazakh-mission]',
    ]);
    // Non-intervention undercuts the 2020 refusal; the same card answers it.
    expect(section).toContain('### s-non-intervention');
    expect(lines.filter((l) => l.startsWith('# '))).toEqual([
      '# Our case',
      '# Answers to their objections',
      '# Against their case',
    ]);
  });

  it('files our case as a block per reason for each main claim, with the cards behind the reason', () => {
    const lines = outline(buildBlocks(nodes, edges, 'FOR'));
    const credibility = lines.slice(lines.indexOf('## t-credibility'));
    expect(
      credibility.slice(credibility.indexOf('### t-us'), credibility.indexOf('### t-us') + 3),
    ).toEqual([
      '### t-us',
      '#### supports: t-us [t-us]',
      '#### supports: t-no-training [t-no-training]',
    ]);
  });

  it('keeps the cut card’s marks on the card', () => {
    const answers = buildBlocks(nodes, edges, 'FOR').find((p) => p.kind === 'answers')!;
    const card = answers.hats.flatMap((h) => h.blocks).find((b) => b.node.id === 's-not-nato')!
      .tags[0]!.cards[0]!;
    expect(card.card).toEqual({ underline: [[0, 10]], highlight: [[0, 5]] });
  });

  it('heads blocks with the other side’s case, answered or not', () => {
    const theirCase = buildBlocks(nodes, edges, 'FOR').find((p) => p.kind === 'their-case')!;
    const misconception = theirCase.hats.find((h) => h.node.id === 's-misconception')!;
    expect(misconception.blocks[0]!.node.id).toBe('s-misconception');
    expect(misconception.blocks.map((b) => b.node.id)).toContain('s-not-nato');
    expect(misconception.blocks.every((b) => b.node.side === 'AGAINST')).toBe(true);
  });

  it('gives each side its own answers, never the other side’s', () => {
    for (const side of ['FOR', 'AGAINST'] as Side[]) {
      const tags = buildBlocks(nodes, edges, side).flatMap((p) =>
        p.hats.flatMap((h) => h.blocks.flatMap((b) => b.tags)),
      );
      expect(tags.length).toBeGreaterThan(0);
      expect(tags.every((t) => t.node.side === side)).toBe(true);
    }
  });

  it('has no blocks for a map with no claims', () => {
    expect(buildBlocks([], [], 'FOR')).toEqual([]);
  });
});

describe('blocks on a small map', () => {
  const node = (id: string, side: Side, kind: GraphNode['kind'] = 'CLAIM'): GraphNode => ({
    id,
    kind,
    text: id,
    side,
    x: 0,
    y: 0,
    version: 1,
    anchor: null,
    card: null,
    tags: [],
  });

  it('tags an answer with the evidence supporting it', () => {
    const pockets = buildBlocks(
      [
        node('ours', 'FOR'),
        node('objection', 'AGAINST', 'OBJECTION'),
        node('answer', 'FOR', 'REBUTTAL'),
        node('card', 'FOR', 'EVIDENCE'),
      ],
      [
        edge('objection', 'ATTACKS', 'ours'),
        edge('answer', 'UNDERCUTS', 'objection'),
        edge('card', 'SUPPORTS', 'answer'),
      ],
      'FOR',
    );
    expect(outline(pockets.filter((p) => p.kind === 'answers'))).toEqual([
      '# Answers to their objections',
      '## ours',
      '### objection',
      '#### undercuts: answer [card]',
    ]);
  });
});

describe('blocks and contradictions', () => {
  const claim = (id: string, side: Side, y: number): GraphNode => ({
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

  it('files a claim of theirs that contradicts ours as one to answer, and ours as its answer, whichever way it was drawn', () => {
    const graph = [claim('ours', 'FOR', 0), claim('theirs', 'AGAINST', 100)];
    for (const e of [edge('theirs', 'CONTRADICTS', 'ours'), edge('ours', 'CONTRADICTS', 'theirs')])
      expect(outline(buildBlocks(graph, [e], 'FOR'))).toEqual([
        '# Our case',
        '## ours',
        '### ours',
        '# Answers to their objections',
        '## ours',
        '### theirs',
        '#### contradicts: ours []',
        '# Against their case',
        '## theirs',
        '### theirs',
        '#### contradicts: ours []',
      ]);
  });
});
