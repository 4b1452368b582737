import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { GraphEdge, GraphNode, MapSnapshot, NodeKind, Relation, Side, SourceDoc } from '../domain/types';
import { RELATION_LABELS } from '../domain/types';

/**
 * Translation from the domain graph to React Flow's objects, at the canvas
 * edge only: React Flow objects are never stored or sent to the server.
 */

export type ArgumentNodeData = {
  kind: NodeKind;
  text: string;
  side: Side;
  /** "Turchenko, 2023" for an anchored node; null for the map's own nodes. */
  sourceLabel: string | null;
};

export type ArgumentFlowNode = Node<ArgumentNodeData, 'argument'>;

export const RELATION_STYLE: Record<Relation, { color: string; dash?: string }> = {
  SUPPORTS: { color: '#15803d' },
  ATTACKS: { color: '#b91c1c' },
  UNDERCUTS: { color: '#7c3aed', dash: '7 5' },
  REPHRASES: { color: '#64748b', dash: '2 5' },
};

export function sourceLabel(source: Pick<SourceDoc, 'author' | 'publishedOn'>): string {
  const surname = source.author.trim().split(/\s+/).at(-1) ?? source.author;
  return source.publishedOn ? `${surname}, ${source.publishedOn.slice(0, 4)}` : surname;
}

export function toFlowNodes(snapshot: Pick<MapSnapshot, 'nodes' | 'sources'>): ArgumentFlowNode[] {
  const sources = new Map(snapshot.sources.map((s) => [s.id, s]));
  return snapshot.nodes.map((n: GraphNode) => {
    const source = n.anchor ? sources.get(n.anchor.sourceId) : undefined;
    return {
      id: n.id,
      type: 'argument',
      position: { x: n.x, y: n.y },
      data: { kind: n.kind, text: n.text, side: n.side, sourceLabel: source ? sourceLabel(source) : null },
      ariaLabel: `${n.kind.toLowerCase()}: ${n.text}`,
    };
  });
}

export function toFlowEdges(edges: GraphEdge[], nodes: GraphNode[]): Edge[] {
  const text = new Map(nodes.map((n) => [n.id, n.text]));
  const short = (id: string) => {
    const t = text.get(id) ?? '';
    return t.length > 48 ? `${t.slice(0, 47)}…` : t;
  };
  return edges.map((e) => {
    const style = RELATION_STYLE[e.relation];
    return {
      id: e.id,
      source: e.fromId,
      target: e.toId,
      type: 'default',
      markerEnd: { type: MarkerType.ArrowClosed, color: style.color, width: 18, height: 18 },
      style: { stroke: style.color, strokeWidth: e.groupId ? 3 : 2, strokeDasharray: style.dash },
      ariaLabel: `"${short(e.fromId)}" ${RELATION_LABELS[e.relation]} "${short(e.toId)}"`,
      data: { relation: e.relation, groupId: e.groupId },
    };
  });
}
