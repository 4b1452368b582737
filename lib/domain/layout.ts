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
export const SIMPLEX_PLACEMENT_LIMIT = 200;

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
