import type { GraphEdge } from '../types';

/**
 * Arguments as the reasoning aids see them. A SUPPORTS edge without a group
 * is one argument (one premise, one conclusion); the SUPPORTS edges sharing
 * a `groupId` into one conclusion are one linked argument. Each has an
 * inference, the step from its premises to its conclusion.
 *
 * What UNDERCUTS targets here: an UNDERCUTS edge X → Y attacks the inference
 * of every argument Y is a premise of (AIF's attack on an RA-node; see
 * aif-export.ts, which writes one per inference, and aif-import.ts, which
 * draws an attack on an RA-node to its first premise). It does not attack Y
 * itself. An undercut of a node that supports nothing has no inference to
 * attack and counts for nothing.
 */

export type ReasoningEdge = Pick<GraphEdge, 'id' | 'fromId' | 'toId' | 'relation' | 'groupId'>;

export type ReasoningGraph = {
  nodes: readonly { id: string }[];
  edges: readonly ReasoningEdge[];
};

export type Argument = {
  /**
   * Stable while the argument keeps its shape: `e:` and the edge's id for a
   * single support, `g:` conclusion id `:` group id for a linked one (node
   * and group ids never contain a colon, so keys never collide with them).
   */
  key: string;
  conclusion: string;
  /** In the order their edges come, each once. */
  premises: string[];
  edgeIds: string[];
};

/** The key of the argument a SUPPORTS edge belongs to. */
const argumentKeyOf = (edge: Pick<ReasoningEdge, 'id' | 'toId' | 'groupId'>) =>
  edge.groupId ? `g:${edge.toId}:${edge.groupId}` : `e:${edge.id}`;

/** The graph's live edges: those whose ends are both among its nodes. */
export function liveEdges(graph: ReasoningGraph): ReasoningEdge[] {
  const ids = new Set(graph.nodes.map((n) => n.id));
  return graph.edges.filter((e) => ids.has(e.fromId) && ids.has(e.toId) && e.fromId !== e.toId);
}

/** Every argument of the graph, in the order their first edges come. */
export function argumentsOf(graph: ReasoningGraph): Argument[] {
  const byKey = new Map<string, Argument>();
  for (const e of liveEdges(graph)) {
    if (e.relation !== 'SUPPORTS') continue;
    const key = argumentKeyOf(e);
    let argument = byKey.get(key);
    if (!argument) {
      argument = { key, conclusion: e.toId, premises: [], edgeIds: [] };
      byKey.set(key, argument);
    }
    argument.edgeIds.push(e.id);
    if (!argument.premises.includes(e.fromId)) argument.premises.push(e.fromId);
  }
  return [...byKey.values()];
}

/** For each node, the arguments it is a premise of (what an undercut of it attacks). */
export function argumentsByPremise(args: readonly Argument[]): Map<string, Argument[]> {
  const byPremise = new Map<string, Argument[]>();
  for (const a of args)
    for (const p of a.premises) byPremise.set(p, [...(byPremise.get(p) ?? []), a]);
  return byPremise;
}
