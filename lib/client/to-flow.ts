import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { colourOfTag, type TagColors } from '../domain/tags';
import type {
  GraphEdge,
  GraphNode,
  MapSnapshot,
  NodeKind,
  Relation,
  Side,
  SourceDoc,
} from '../domain/types';
import { RELATION_LABELS } from '../domain/types';
import { parseAuthors, surnames } from '../domain/evidence/citation-parts';
import { edgeShapes, RELATION_STYLE, SYMMETRIC } from '../domain/map-drawing';

/**
 * Translation from the domain graph to React Flow's objects, at the canvas
 * edge only: React Flow objects are never stored or sent to the server.
 */

type ArgumentNodeData = {
  kind: NodeKind;
  text: string;
  side: Side;
  /** "Turchenko, 21 Sep 2023" for an anchored node; null for the map's own nodes. */
  sourceLabel: string | null;
  /** Its tags, each with its chip colour from the map's tag colours (null: a neutral chip). */
  tags: { tag: string; colour: string | null }[];
  /** Which way the map is laid out: conclusions at the top (UP) or at the left (LEFT). */
  direction: FlowDirection;
  /** Reasons bearing directly on this node, and whether the reader has folded them away. */
  reasons: number;
  collapsed: boolean;
  // Who else has the node selected, its threads and team-layer badges are
  // not here: they change often, and a change of `data` re-renders the card
  // (components/map/node-decorations.ts).
};

/** What one shown team layer says about a node: rating, tags, and whether it has a note. */
export type LayerBadge = {
  team: string;
  color: string;
  rating: number | null;
  tags: string[];
  note: boolean;
};

/** Someone else who has a node selected. */
export type Watcher = { name: string; color: string };

/** Where conclusions sit: at the top (UP) or at the left (LEFT). */
export type FlowDirection = 'UP' | 'LEFT';

/** How a node is drawn for one reader: their layout direction and folded nodes. */
export type NodeView = {
  direction: FlowDirection;
  reasons: ReadonlyMap<string, number>;
  collapsed: ReadonlySet<string>;
};

/** A drawn connection's relation and linked-argument group; `lead` draws the group's arrow. */
export type ArgumentEdgeData = { relation: Relation; groupId: string | null; lead: boolean };

/** A node as React Flow draws it. */
export type ArgumentFlowNode = Node<ArgumentNodeData, 'argument'>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2020-11-04" as "4 Nov 2020": the same on the server and in every browser. */
function formatPublishedOn(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  const name = MONTHS[(month ?? 0) - 1];
  return name && day ? `${day} ${name} ${year}` : isoDate.slice(0, 10);
}

/**
 * A source as cited on a card, in the legend and in the brief: the author's
 * surname and the day the article appeared ("Strakes, 4 Nov 2020"), since
 * two articles a few years apart answer different events.
 */
export function sourceLabel(source: Pick<SourceDoc, 'author' | 'publishedOn'>): string {
  // "Strakes, Jason E." and "Jason E. Strakes" are both Strakes.
  const surname = surnames(parseAuthors(source.author)) || source.author;
  return source.publishedOn ? `${surname}, ${formatPublishedOn(source.publishedOn)}` : surname;
}

const DEFAULT_VIEW: NodeView = { direction: 'UP', reasons: new Map(), collapsed: new Set() };

/** Nodes for React Flow, drawn for one reader's view (direction, folds). */
export function toFlowNodes(
  snapshot: Pick<MapSnapshot, 'nodes' | 'sources'> & { tagColors?: TagColors },
  view: NodeView = DEFAULT_VIEW,
): ArgumentFlowNode[] {
  const sources = new Map(snapshot.sources.map((s) => [s.id, s]));
  return snapshot.nodes.map((n: GraphNode) => {
    const source = n.anchor ? sources.get(n.anchor.sourceId) : undefined;
    return {
      id: n.id,
      type: 'argument',
      position: { x: n.x, y: n.y },
      data: {
        kind: n.kind,
        text: n.text,
        side: n.side,
        sourceLabel: source ? sourceLabel(source) : null,
        tags: n.tags.map((tag) => ({
          tag,
          colour: colourOfTag(snapshot.tagColors ?? {}, tag) ?? null,
        })),
        direction: view.direction,
        reasons: view.reasons.get(n.id) ?? 0,
        collapsed: view.collapsed.has(n.id),
      },
      ariaLabel: `${n.kind.toLowerCase()}: ${n.text}`,
      // Out of the tab order until the canvas makes it the one tab stop.
      domAttributes: { tabIndex: -1 },
    };
  });
}

/**
 * Edges for React Flow. The premises of one linked argument (same group,
 * same conclusion) are drawn as one grouped support: each premise's line
 * runs to a shared junction, and only the group's lead edge draws the arrow
 * from there to the conclusion. Two cards that bear on each other (A
 * attacks B, B attacks A) get the `mutual` type: from handle to handle, one
 * of the two lines would run behind both cards.
 */
export function toFlowEdges(edges: GraphEdge[], nodes: GraphNode[]): Edge<ArgumentEdgeData>[] {
  const text = new Map(nodes.map((n) => [n.id, n.text]));
  const short = (id: string) => {
    const t = text.get(id) ?? '';
    return t.length > 48 ? `${t.slice(0, 47)}…` : t;
  };
  const shapes = edgeShapes(edges);
  return edges.map((e) => {
    const style = RELATION_STYLE[e.relation];
    const { shape, lead } = shapes.get(e.id)!;
    const linked = shape === 'linked';
    const symmetric = SYMMETRIC.has(e.relation);
    const arrow = { type: MarkerType.ArrowClosed, color: style.color, width: 18, height: 18 };
    return {
      id: e.id,
      source: e.fromId,
      target: e.toId,
      type: shape,
      markerEnd: lead ? arrow : undefined,
      // No direction: the same arrowhead at the start, turned round.
      ...(symmetric && { markerStart: arrow }),
      style: {
        stroke: style.color,
        strokeWidth: 2,
        strokeDasharray: style.dash,
        strokeLinecap: style.dash ? 'round' : undefined,
      },
      ariaLabel: `"${short(e.fromId)}" ${RELATION_LABELS[e.relation]} "${short(e.toId)}"${linked ? ' together with other premises' : ''}${symmetric ? ', and the other way round' : ''}`,
      data: { relation: e.relation, groupId: e.groupId, lead },
      // Reached from its cards (E on a card), not by walking every connection with Tab.
      domAttributes: { tabIndex: -1 },
    };
  });
}
