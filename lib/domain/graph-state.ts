import type { MapSection } from './sections';
import type { TagColors } from './tags';
import type { GraphEdge, GraphNode } from './types';

/** What ops apply to: a map's nodes and edges with their versions and deletion flags. */

export type NodeState = GraphNode & {
  deleted: boolean;
  /** The id of its section (lib/domain/sections.ts); null or absent: none. May name a deleted section. */
  section?: string | null;
};
export type EdgeState = GraphEdge & { deleted: boolean };

/** The map-wide things ops edit: its sections and its tag colours. */
export type MapMeta = {
  readonly sections: readonly MapSection[];
  readonly tagColors: TagColors;
};

/** The whole graph of a map, deleted entities included (undo restores them). */
export type GraphState = {
  readonly nodes: ReadonlyMap<string, NodeState>;
  readonly edges: ReadonlyMap<string, EdgeState>;
  /**
   * The map's sections and tag colours: always in a browser's state; on the
   * server only when the batch needs them (op-footprint.ts, `map`).
   */
  readonly map?: MapMeta;
};

/** Builds a state from snapshot-shaped lists. */
export function graphStateOf(
  nodes: readonly NodeState[],
  edges: readonly EdgeState[],
  map?: MapMeta,
): GraphState {
  return {
    nodes: new Map(nodes.map((n) => [n.id, n])),
    edges: new Map(edges.map((e) => [e.id, e])),
    ...(map && { map }),
  };
}
