import { describe, expect, it } from 'vitest';
import { neighbour } from '@/lib/domain/navigation';

//        motion (x 300)
//      /    |      \
//  a (0)  b (300)  c (600)      a, b, c support the motion
//   |
//  d (0)                        d supports a
const nodes = [
  { id: 'motion', x: 300 },
  { id: 'a', x: 0 },
  { id: 'b', x: 300 },
  { id: 'c', x: 600 },
  { id: 'd', x: 0 },
];
const edges = [
  { fromId: 'a', toId: 'motion' },
  { fromId: 'b', toId: 'motion' },
  { fromId: 'c', toId: 'motion' },
  { fromId: 'd', toId: 'a' },
];

describe('keyboard navigation along connections', () => {
  it.each([
    ['d', 'up', 'a'],
    ['a', 'up', 'motion'],
    ['motion', 'up', null],
    ['motion', 'down', 'b'],
    ['a', 'down', 'd'],
    ['d', 'down', null],
    ['b', 'left', 'a'],
    ['b', 'right', 'c'],
    ['a', 'left', null],
    ['c', 'right', null],
    ['ghost', 'up', null],
  ] as const)('from %s, %s goes to %s', (from, direction, to) => {
    expect(neighbour(from, direction, nodes, edges)).toBe(to);
  });
});
