import { RELATION_LABELS, type GraphEdge, type GraphNode } from '@/lib/domain/types';

/** What the discussion and team-notes panels are about: the selected claim or connection. */
export type Focus =
  { kind: 'NODE'; id: string; label: string } | { kind: 'EDGE'; id: string; label: string };

export const short = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

/** How a connection is named in the panels: “reason” supports “claim”. */
export function edgeLabel(
  edge: Pick<GraphEdge, 'fromId' | 'toId' | 'relation'>,
  text: ReadonlyMap<string, string>,
  length = 40,
): string {
  return `“${short(text.get(edge.fromId) ?? '', length)}” ${RELATION_LABELS[edge.relation]} “${short(text.get(edge.toId) ?? '', length)}”`;
}

/** The selected node, else the selected connection, else nothing. */
export function focusOf(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  nodeId: string | null,
  edgeId: string | null,
): Focus | null {
  const text = new Map(nodes.map((n) => [n.id, n.text]));
  if (nodeId && text.has(nodeId)) return { kind: 'NODE', id: nodeId, label: text.get(nodeId)! };
  const edge = edgeId ? edges.find((e) => e.id === edgeId) : undefined;
  if (edge && text.has(edge.fromId) && text.has(edge.toId))
    return { kind: 'EDGE', id: edge.id, label: edgeLabel(edge, text) };
  return null;
}
