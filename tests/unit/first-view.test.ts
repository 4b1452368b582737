import { describe, expect, it } from 'vitest';
import { startingView } from '@/components/map/map-sides';
import { firstViewport } from '@/components/map/use-first-view';
import type { GraphEdge, GraphNode, NodeKind } from '@/lib/domain/types';

const node = (id: string, kind: NodeKind = 'CLAIM'): GraphNode => ({
  id,
  kind,
  text: id,
  side: 'NEUTRAL',
  x: 0,
  y: 0,
  version: 1,
  anchor: null,
  card: null,
  tags: [],
});
const edge = (fromId: string, toId: string): GraphEdge => ({
  id: `${fromId}->${toId}`,
  fromId,
  toId,
  relation: 'SUPPORTS',
  groupId: null,
  scheme: null,
  schemeName: null,
  answers: null,
  version: 1,
});

describe('where a reader starts', () => {
  it('is the conclusion with most of the map beneath it, and its direct reasons', () => {
    const nodes = ['motion', 'a', 'b', 'a1', 'a2', 'loose', 'small', 'small1'].map((id) =>
      node(id),
    );
    const edges = [
      edge('a', 'motion'),
      edge('b', 'motion'),
      edge('a1', 'a'),
      edge('a2', 'a'),
      edge('small1', 'small'),
    ];
    expect(startingView({ nodes, edges })).toEqual(['motion', 'a', 'b']);
  });

  it('prefers the question when two conclusions are as big, and copes with no edges or a cycle', () => {
    expect(startingView({ nodes: [node('c'), node('q', 'QUESTION')], edges: [] })).toEqual(['q']);
    expect(startingView({ nodes: [], edges: [] })).toEqual([]);
    const cycle = startingView({
      nodes: [node('a'), node('b')],
      edges: [edge('a', 'b'), edge('b', 'a')],
    });
    expect(cycle).toHaveLength(2);
  });
});

describe('the first viewport', () => {
  const card = (x: number, y: number) => ({ x, y, width: 260, height: 100 });
  const size = { width: 900, height: 700 };

  it('frames cards that fit at no more than full size', () => {
    const view = firstViewport([card(0, 0), card(300, 200)], card(0, 0), size, 'UP');
    expect(view.zoom).toBe(1);
    // Centred: the middle of the cards is the middle of the canvas.
    expect(view.x + 280 * view.zoom).toBeCloseTo(450);
    expect(view.y + 150 * view.zoom).toBeCloseTo(350);
  });

  it('never opens smaller than readable, keeping the motion at the top, centred', () => {
    const reasons = Array.from({ length: 12 }, (_, i) => card(i * 300, 200));
    const motion = card(1600, 0);
    const view = firstViewport([motion, ...reasons], motion, size, 'UP');
    expect(view.zoom).toBe(0.8);
    expect(view.x + (1600 + 130) * view.zoom).toBeCloseTo(450);
    // Their height fits: centred that way.
    expect(view.y + 150 * view.zoom).toBeCloseTo(350);
  });

  it('puts the motion at the top when the cards are too tall to fit', () => {
    const reasons = Array.from({ length: 8 }, (_, i) => card(0, 150 + i * 150));
    const motion = card(0, 0);
    const view = firstViewport([motion, ...reasons], motion, size, 'UP');
    expect(view.zoom).toBe(0.8);
    expect(view.y).toBeCloseTo(32);
  });

  it('keeps the motion at the left in a left-to-right layout', () => {
    const reasons = Array.from({ length: 12 }, (_, i) => card(400, i * 150));
    const motion = card(0, 800);
    const view = firstViewport([motion, ...reasons], motion, size, 'LEFT');
    expect(view.zoom).toBe(0.8);
    expect(view.y + (800 + 50) * view.zoom).toBeCloseTo(350);
  });
});
