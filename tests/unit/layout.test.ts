import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSpot, layoutGraph } from '@/lib/domain/layout';

const size = { width: 260, height: 90 };

describe('placing a new node', () => {
  it('uses the requested spot when it is free', () => {
    expect(freeSpot([], { x: 100, y: 50 }, size)).toEqual({ x: 100, y: 50 });
  });

  it('never overlaps an existing card, and stays near the requested spot', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: -600, max: 600 }),
            y: fc.integer({ min: -400, max: 400 }),
          }),
          { maxLength: 25 },
        ),
        (corners) => {
          const boxes = corners.map((c) => ({ ...c, ...size }));
          const spot = freeSpot(boxes, { x: 0, y: 0 }, size);
          for (const b of boxes) {
            const apart =
              spot.x >= b.x + b.width ||
              b.x >= spot.x + size.width ||
              spot.y >= b.y + b.height ||
              b.y >= spot.y + size.height;
            expect(apart).toBe(true);
          }
          expect(Math.hypot(spot.x, spot.y)).toBeLessThan(3000);
        },
      ),
    );
  });
});

describe('auto-layout', () => {
  it('puts what is supported above its reasons and overlaps no two nodes', async () => {
    const nodes = ['motion', 'a', 'b', 'c'].map((id) => ({ id, width: 260, height: 80 }));
    const edges = [
      { id: '1', fromId: 'a', toId: 'motion' },
      { id: '2', fromId: 'b', toId: 'motion' },
      { id: '3', fromId: 'c', toId: 'a' },
    ];
    const at = await layoutGraph({ nodes, edges });
    expect(at.get('motion')!.y).toBeLessThan(at.get('a')!.y);
    expect(at.get('a')!.y).toBeLessThan(at.get('c')!.y);
    const placed = nodes.map((n) => ({ ...at.get(n.id)!, width: n.width, height: n.height }));
    for (const [i, p] of placed.entries()) {
      for (const q of placed.slice(i + 1)) {
        const apart =
          p.x >= q.x + q.width ||
          q.x >= p.x + p.width ||
          p.y >= q.y + q.height ||
          q.y >= p.y + p.height;
        expect(apart).toBe(true);
      }
    }
  });
});
