import type { GraphEdge, GraphNode } from './types';

/** What ops apply to: a map's nodes and edges with their versions and deletion flags. */

export type NodeState = GraphNode & { deleted: boolean };
export type EdgeState = GraphEdge & { deleted: boolean };

/** The whole graph of a map, deleted entities included (undo restores them). */
export type GraphState = {
  readonly nodes: ReadonlyMap<string, NodeState>;
  readonly edges: ReadonlyMap<string, EdgeState>;
};

/** Builds a state from snapshot-shaped lists. */
export function graphStateOf(nodes: readonly NodeState[], edges: readonly EdgeState[]): GraphState {
  return {
    nodes: new Map(nodes.map((n) => [n.id, n])),
    edges: new Map(edges.map((e) => [e.id, e])),
  };
}
