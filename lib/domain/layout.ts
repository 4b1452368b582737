import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

/**
 * Automatic layout with ELK's layered algorithm. Arrows run from reasons to
 * what they bear on, so direction UP puts conclusions at the top, as debate
 * trees are usually read.
 */

export type LayoutDirection = 'UP' | 'DOWN' | 'LEFT' | 'RIGHT';

export type LayoutInput = {
  nodes: { id: string; width: number; height: number }[];
  edges: { id: string; fromId: string; toId: string }[];
};

export const NODE_WIDTH = 260;

/** A height estimate for a node card of NODE_WIDTH showing `text`, before the browser measures it. */
export function estimateNodeHeight(text: string, hasSource: boolean): number {
  const charsPerLine = 34;
  const lines = Math.max(1, Math.ceil(text.length / charsPerLine));
  return 44 + lines * 20 + (hasSource ? 20 : 0);
}

/**
 * Above this many nodes ELK's NETWORK_SIMPLEX node placement gets too slow
 * (about 6 s for 1,000 nodes on our 2-core machines, docs/PERFORMANCE.md);
 * BRANDES_KOEPF takes about a tenth of that, with slightly less straight
 * edges, so large maps use it.
 */
const SIMPLEX_PLACEMENT_LIMIT = 200;

let elk: InstanceType<typeof ELK> | null = null;

/** Top-left positions for every node, keyed by id. */
export async function layoutGraph(
  input: LayoutInput,
  direction: LayoutDirection = 'UP',
): Promise<Map<string, { x: number; y: number }>> {
  elk ??= new ELK();
  const ids = new Set(input.nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.layered.nodePlacement.strategy':
        input.nodes.length <= SIMPLEX_PLACEMENT_LIMIT ? 'NETWORK_SIMPLEX' : 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    },
    children: input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: input.edges
      .filter((e) => ids.has(e.fromId) && ids.has(e.toId) && e.fromId !== e.toId)
      .map((e) => ({ id: e.id, sources: [e.fromId], targets: [e.toId] })),
  };
  const result = await elk.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of result.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.width + gap &&
  b.x < a.x + a.width + gap &&
  a.y < b.y + b.height + gap &&
  b.y < a.y + a.height + gap;

/**
 * The top-left corner nearest to `near` where a box of `size` overlaps none
 * of `boxes` (with `gap` around it), searched on rings of a grid around it.
 */
export function freeSpot(
  boxes: readonly Box[],
  near: { x: number; y: number },
  size: { width: number; height: number },
  gap = 24,
): { x: number; y: number } {
  const step = { x: size.width / 2 + gap, y: size.height / 2 + gap };
  for (let ring = 0; ring <= 40; ring++) {
    const candidates: { x: number; y: number }[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        candidates.push({ x: near.x + i * step.x, y: near.y + j * step.y });
      }
    }
    candidates.sort(
      (a, b) => Math.hypot(a.x - near.x, a.y - near.y) - Math.hypot(b.x - near.x, b.y - near.y),
    );
    const free = candidates.find((c) => !boxes.some((b) => overlaps({ ...c, ...size }, b, gap)));
    if (free) return { x: Math.round(free.x), y: Math.round(free.y) };
  }
  return { x: Math.round(near.x), y: Math.round(near.y) };
}
