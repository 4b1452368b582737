import { describe, expect, it } from 'vitest';
import { hiddenByCollapse, neighbourhood, reasonCounts } from '@/lib/domain/visibility';

//   motion          other
//   /    \          /
//  a      b  ------'        b supports both the motion and "other"
//  |
//  c
//  |
//  d
const nodes = ['motion', 'other', 'a', 'b', 'c', 'd'];
const edges = [
  { fromId: 'a', toId: 'motion' },
  { fromId: 'b', toId: 'motion' },
  { fromId: 'b', toId: 'other' },
  { fromId: 'c', toId: 'a' },
  { fromId: 'd', toId: 'c' },
];
const sorted = (s: Set<string>) => [...s].sort();

describe('a contradiction', () => {
  const contradicting = [
    ...edges,
    { fromId: 'other', toId: 'motion', relation: 'CONTRADICTS' as const },
  ];

  it('is no reason: it is not counted, and collapsing either end hides neither', () => {
    expect(reasonCounts(contradicting).get('motion')).toBe(2);
    expect(sorted(hiddenByCollapse(nodes, contradicting, new Set(['motion'])))).toEqual([
      'a',
      'c',
      'd',
    ]);
    expect(sorted(hiddenByCollapse(nodes, contradicting, new Set(['other'])))).toEqual([]);
  });
});

describe('collapsing a subtree', () => {
  it('hides every reason below a collapsed node, however deep', () => {
    expect(sorted(hiddenByCollapse(nodes, edges, new Set(['a'])))).toEqual(['c', 'd']);
  });

  it('keeps a reason visible while it still bears on something visible', () => {
    expect(sorted(hiddenByCollapse(nodes, edges, new Set(['motion'])))).toEqual(['a', 'c', 'd']);
    expect(sorted(hiddenByCollapse(nodes, edges, new Set(['motion', 'other'])))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('never hides the collapsed node itself, and survives cycles', () => {
    const cyclic = [...edges, { fromId: 'motion', toId: 'd' }];
    const hidden = hiddenByCollapse(nodes, cyclic, new Set(['a']));
    expect(hidden.has('a')).toBe(false);
    // Through the cycle the motion is itself a reason below "a" (via d), so it folds away too.
    expect(sorted(hidden)).toEqual(['c', 'd', 'motion']);
    expect(hiddenByCollapse(nodes, edges, new Set())).toEqual(new Set());
  });

  it('counts the reasons bearing directly on each node', () => {
    expect(reasonCounts(edges).get('motion')).toBe(2);
    expect(reasonCounts(edges).get('d')).toBeUndefined();
  });
});

describe('focus on one claim', () => {
  it('shows the claim and what lies within two connections of it, in either direction', () => {
    expect(sorted(neighbourhood('a', edges))).toEqual(['a', 'b', 'c', 'd', 'motion']);
    expect(sorted(neighbourhood('a', edges, 1))).toEqual(['a', 'c', 'motion']);
    expect(sorted(neighbourhood('lonely', edges))).toEqual(['lonely']);
  });
});
