import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSpot, layoutGraph, spotNextTo } from '@/lib/domain/layout';
import { layoutDegenerate, type ImportedNode } from '@/lib/domain/interchange';

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

describe('placing a new node next to the card it relates to', () => {
  const anchor = { x: 0, y: 0, width: 260, height: 90 };
  const apart = (a: typeof anchor, b: typeof anchor) =>
    a.x >= b.x + b.width || b.x >= a.x + a.width || a.y >= b.y + b.height || b.y >= a.y + a.height;

  it('puts a quote beside the card and a reason below it, or to its right when conclusions are at the left', () => {
    expect(spotNextTo([], anchor, size, 'beside')).toEqual({ x: 300, y: 0 });
    expect(spotNextTo([], anchor, size, 'reason')).toEqual({ x: 0, y: 160 });
    expect(spotNextTo([], anchor, size, 'reason', 'LEFT')).toEqual({ x: 330, y: 0 });
    expect(spotNextTo([], anchor, size, 'beside', 'LEFT')).toEqual({ x: 0, y: 130 });
  });

  it('moves aside from a reason already below the card instead of covering it', () => {
    const sibling = { x: 0, y: 160, width: 260, height: 90 };
    const spot = spotNextTo([sibling], anchor, size, 'reason');
    expect(apart({ ...spot, ...size }, sibling)).toBe(true);
    expect(apart({ ...spot, ...size }, anchor)).toBe(true);
    expect(Math.abs(spot.y - sibling.y)).toBeLessThan(size.height);
  });

  it('covers neither the card nor any other, and stays close to the card', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: -800, max: 800 }),
            y: fc.integer({ min: -500, max: 500 }),
          }),
          { maxLength: 30 },
        ),
        fc.constantFrom('beside' as const, 'reason' as const),
        fc.constantFrom('UP' as const, 'LEFT' as const),
        (corners, as, direction) => {
          const boxes = corners.map((c) => ({ ...c, ...size })).filter((b) => apart(b, anchor));
          const spot = { ...spotNextTo(boxes, anchor, size, as, direction), ...size };
          for (const b of [anchor, ...boxes]) expect(apart(spot, b)).toBe(true);
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

describe('whether an imported file’s own layout is kept', () => {
  const at = (x: number, y: number, i: number): ImportedNode => ({
    id: `n${i}`,
    kind: 'CLAIM',
    text: `Claim ${i}`,
    side: 'NEUTRAL',
    x,
    y,
  });
  const nodes = (points: [number, number][]) => points.map(([x, y], i) => at(x, y, i));

  it('keeps a layout that spreads cards in two directions', () => {
    expect(
      layoutDegenerate(
        nodes([
          [0, 0],
          [-300, 200],
          [300, 200],
          [0, 400],
          [300, 400],
        ]),
      ),
    ).toBe(false);
  });

  it('lays out afresh every card in one column, even a little ragged, or in one row', () => {
    expect(
      layoutDegenerate(
        nodes([
          [0, 0],
          [40, 150],
          [-20, 300],
          [100, 450],
        ]),
      ),
    ).toBe(true);
    expect(
      layoutDegenerate(
        nodes([
          [0, 0],
          [300, 10],
          [600, 0],
          [900, 20],
        ]),
      ),
    ).toBe(true);
  });

  it('lays out afresh a long strip, but leaves a claim with two or three reasons alone', () => {
    const strip = nodes([
      [0, 0],
      [300, 100],
      [600, 0],
      [900, 100],
      [1200, 0],
      [1500, 100],
      [1800, 0],
    ]);
    expect(layoutDegenerate(strip)).toBe(true);
    expect(
      layoutDegenerate(
        nodes([
          [0, 0],
          [0, 150],
          [0, 300],
        ]),
      ),
    ).toBe(false);
  });
});
