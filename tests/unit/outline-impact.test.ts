import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphStateOf, type EdgeState, type NodeState } from '@/lib/domain/ops';
import { buildOutline, sortByImpact, type OutlineItem } from '@/lib/domain/outline';
import type { Relation } from '@/lib/domain/types';

const node = (id: string, y = 0): NodeState => ({
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
  deleted: false,
});
const edge = (
  id: string,
  fromId: string,
  relation: Relation,
  toId: string,
  groupId: string | null = null,
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
  deleted: false,
});

const label = (i: OutlineItem) => (i.type === 'together' ? `together` : i.node.id);
const childrenOf = (items: OutlineItem[], id: string): string[] => {
  for (const i of items) {
    if (i.type !== 'together' && i.node.id === id && i.type === 'node')
      return i.children.map(label);
    const inner = childrenOf(i.children, id);
    if (inner.length) return inner;
  }
  return [];
};
/** Every item's key with its children's keys, whatever their order. */
const shape = (items: readonly OutlineItem[]): string[] =>
  items
    .flatMap((i) => [
      `${i.key}:${[...i.children.map((c) => c.key)].sort().join(',')}`,
      ...shape(i.children),
    ])
    .sort();

describe('the outline sorted by impact', () => {
  const state = graphStateOf(
    [
      node('claim'),
      node('low', 1),
      node('none', 2),
      node('high', 3),
      node('obj', 4),
      node('p', 5),
      node('q', 6),
      node('sub', 7),
    ],
    [
      edge('e1', 'low', 'SUPPORTS', 'claim'),
      edge('e2', 'none', 'SUPPORTS', 'claim'),
      edge('e3', 'high', 'SUPPORTS', 'claim'),
      edge('e4', 'obj', 'ATTACKS', 'claim'),
      edge('e5', 'p', 'SUPPORTS', 'claim', 'g'),
      edge('e6', 'q', 'SUPPORTS', 'claim', 'g'),
      edge('e7', 'sub', 'SUPPORTS', 'low'),
    ],
  );

  it('puts the highest mean impact first and the unrated last, in map order', () => {
    const outline = buildOutline(state);
    expect(childrenOf(outline, 'claim')).toEqual(['low', 'none', 'high', 'together', 'obj']);
    const sorted = sortByImpact(
      outline,
      new Map([
        ['low', 1],
        ['high', 3.5],
        ['obj', 2],
        ['q', 4],
      ]),
    );
    // The linked pair counts as its best member (4); "none" and nothing else unrated keep map order.
    expect(childrenOf(sorted, 'claim')).toEqual(['together', 'high', 'obj', 'low', 'none']);
    const pair = sorted[0]!.children[0]!;
    expect(pair.children.map(label)).toEqual(['q', 'p']);
    // The roots keep their place; the input is not changed.
    expect(sorted.map(label)).toEqual(outline.map(label));
    expect(childrenOf(outline, 'claim')).toEqual(['low', 'none', 'high', 'together', 'obj']);
  });

  it('is the map order when nothing is rated (what a student sees under guided voting before voting)', () => {
    const outline = buildOutline(state);
    expect(sortByImpact(outline, new Map())).toEqual(outline);
  });

  it('keeps every item and key, orders siblings by impact, and keeps map order among equals', () => {
    const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ from: fc.constantFrom(...IDS), to: fc.constantFrom(...IDS) }), {
          maxLength: 12,
        }),
        fc.dictionary(fc.constantFrom(...IDS), fc.constantFrom(0, 1, 2, 2.5, 4)),
        (raw, rated) => {
          const outline = buildOutline(
            graphStateOf(
              IDS.map((id, i) => node(id, i)),
              raw.map((e, i) => edge(`e${i}`, e.from, 'SUPPORTS', e.to)),
            ),
          );
          const impacts = new Map(Object.entries(rated));
          const sorted = sortByImpact(outline, impacts);
          expect(shape(sorted)).toEqual(shape(outline));
          const check = (before: readonly OutlineItem[], after: readonly OutlineItem[]) => {
            const score = (i: OutlineItem) =>
              i.type === 'together' ? -1 : (impacts.get(i.node.id) ?? -1);
            after.forEach((item, k) => {
              const next = after[k + 1];
              if (next) {
                expect(score(item)).toBeGreaterThanOrEqual(score(next));
                if (score(item) === score(next))
                  expect(before.findIndex((i) => i.key === item.key)).toBeLessThan(
                    before.findIndex((i) => i.key === next.key),
                  );
              }
              check(before.find((i) => i.key === item.key)!.children, item.children);
            });
          };
          for (const [k, root] of sorted.entries()) check(outline[k]!.children, root.children);
        },
      ),
    );
  });
});
