import { estimateNodeHeight, NODE_WIDTH } from './layout';
import type { TagColors } from './tags';
import type { ArgdownData, MapSection } from './sections';
import type { GraphEdge, GraphNode, NodeKind, Relation, Side } from './types';

/**
 * What the AIF and Argdown converters share: the graph they read from a map
 * (`ExportableMap`) and the graph they hand to the importer
 * (`ImportedMap`). Neither format carries sources, anchors or team layers;
 * the JSON backup is the lossless format.
 */

/** Largest AIF or Argdown file accepted, in bytes (the same as a backup). */
export const MAX_IMPORT_BYTES = 5_000_000;
/** Most nodes an imported file may create. */
export const MAX_IMPORT_NODES = 5000;
/** Most connections an imported file may create (a backup's limit too). */
export const MAX_IMPORT_EDGES = 10_000;
/** Longest Argdown title kept with a node, brackets included. */
export const MAX_TITLE_LENGTH = 200;
/** An Argdown title as a node keeps it: `[Statement title]` or `<Argument title>`. */
export const ARGDOWN_TITLE = /^(\[[^\]\n]+\]|<[^>\n]+>)$/;
/** Most connections one imported node may have: a debate's busiest claim has a few dozen. */
const MAX_IMPORT_EDGES_PER_NODE = 200;

export type ExportableMap = {
  title: string;
  motion: string;
  description: string;
  nodes: (Pick<GraphNode, 'id' | 'kind' | 'text' | 'side' | 'x' | 'y'> & {
    /** The node's title in the Argdown file it came from (see ImportedNode.title). */
    title?: string | null;
    /** Its tags (Argdown writes them after the text). */
    tags?: readonly string[];
    /** The id of its section in `sections` (see ImportedNode.section). */
    section?: string | null;
    /** The Argdown data it came with that is not ours (see ImportedNode.data). */
    data?: ArgdownData | null;
  })[];
  /** The colours of the map's tags (Argdown writes them in the frontmatter). */
  tagColors?: TagColors;
  edges: (Pick<GraphEdge, 'id' | 'fromId' | 'toId' | 'relation' | 'groupId'> &
    Partial<Pick<GraphEdge, 'scheme'>> & {
      /** The AIF scheme name the connection came with (`GraphEdge.schemeName`). */
      schemeName?: string | null;
    })[];
  /** The map's sections (see ImportedMap.sections). */
  sections?: readonly MapSection[];
  /** The frontmatter keys it came with that are not map fields (see ImportedMap.frontmatter). */
  frontmatter?: ArgdownData | null;
};

export type ImportedNode = {
  id: string;
  kind: NodeKind;
  text: string;
  side: Side;
  x: number | null;
  y: number | null;
  /**
   * The node's title in the Argdown file it came from, as Argdown refers to
   * it: `[Statement title]` or `<Argument title>`; kept so an export writes
   * it again. Absent or null: none (exports make one from the text).
   */
  title?: string | null;
  /** Its tags (Argdown's #tags), normalised; absent: none. */
  tags?: string[];
  /** The id of the section (ImportedMap.sections) the node belongs to; absent or null: none. */
  section?: string | null;
  /**
   * The keys of its Argdown data block that are not ours ({kind, side, x, y,
   * links, rephrases}), kept so an export writes them again.
   */
  data?: ArgdownData | null;
};
export type ImportedEdge = {
  id: string;
  fromId: string;
  toId: string;
  relation: Relation;
  groupId: string | null;
  /**
   * A support's argumentation scheme, from the catalogue
   * (lib/domain/reasoning/schemes.ts), when the file names one it has.
   */
  scheme?: string | null;
  /**
   * The name of the AIF scheme of the inference, conflict or rephrase it
   * came from, as the file writes it, when not the default one ("Argument
   * From Expert Opinion", "Conflict From Bias"). AIF export writes it back;
   * a map stores it as `Edge.schemeName` unless its catalogue `scheme` says
   * it exactly (aif-export.ts, keptSchemeName).
   */
  schemeName?: string;
};
export type ImportedMap = {
  title: string;
  motion: string;
  description: string;
  nodes: ImportedNode[];
  edges: ImportedEdge[];
  /**
   * The connections an automatic layout follows, when not all of them: a
   * Kialo discussion is laid out as its tree, without the links to claims
   * placed elsewhere, which would pull a thesis away from its reasons.
   */
  layoutEdges?: ImportedEdge[];
  /**
   * What the file had that the map leaves out, one sentence each with its
   * line (an `@import` not followed, a relation of an element to itself):
   * shown to the importer after the import.
   */
  ignored?: string[];
  /** The colours of the map's tags, from Argdown's frontmatter `color: tagColors:`. */
  tagColors?: TagColors;
  /** The Argdown file's sections (headings), in its order: lib/domain/sections.ts. */
  sections?: MapSection[];
  /** The Argdown frontmatter keys that are not map fields, kept so an export writes them again. */
  frontmatter?: ArgdownData | null;
};

/** A file that cannot be imported; the message names the line or field at fault. */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}

/**
 * The order both exporters write nodes in: top to bottom, left to right,
 * then by text. It depends only on what the file carries, never on ids, so
 * export → import → export writes the same file.
 */
export function exportOrder<N extends { x: number; y: number; text: string }>(
  nodes: readonly N[],
): N[] {
  return [...nodes].sort(
    (a, b) => a.y - b.y || a.x - b.x || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
}

/** Collapses runs of whitespace (line breaks included): neither format keeps them inside a statement. */
export const flattenText = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether every node has a position and no two cards, drawn at our size, overlap. */
export function positionsUsable(nodes: readonly ImportedNode[]): boolean {
  if (nodes.some((n) => n.x === null || n.y === null)) return false;
  const boxes = nodes.map((n) => ({
    x: n.x!,
    y: n.y!,
    w: NODE_WIDTH,
    h: estimateNodeHeight(n.text, false, n.tags?.length ?? 0),
  }));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) return false;
    }
  }
  return true;
}

/** Fewer cards than this are never "laid out badly": a claim with two reasons may well sit in a column. */
const DEGENERATE_MIN_NODES = 4;
/** A layout this many times wider than tall, or taller than wide, is a strip, not a map. */
const DEGENERATE_ASPECT = 4;

/**
 * Whether a file's own layout is not worth keeping though no cards overlap:
 * every card in one column or one row (as OVA leaves a file whose analyst
 * never arranged it), or a strip far wider than tall or taller than wide,
 * which opens either unreadably small or mostly off screen. Such a map is
 * laid out again like one without positions.
 */
export function layoutDegenerate(nodes: readonly ImportedNode[]): boolean {
  if (nodes.length < DEGENERATE_MIN_NODES) return false;
  if (nodes.some((n) => n.x === null || n.y === null)) return true;
  const boxes = nodes.map((n) => ({
    x: n.x!,
    y: n.y!,
    w: NODE_WIDTH,
    h: estimateNodeHeight(n.text, false, n.tags?.length ?? 0),
  }));
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const width = Math.max(...boxes.map((b) => b.x + b.w)) - left;
  const height = Math.max(...boxes.map((b) => b.y + b.h)) - top;
  // One column: every card overlaps every other horizontally. One row: vertically.
  const oneColumn = Math.max(...boxes.map((b) => b.x)) < left + NODE_WIDTH;
  const oneRow = boxes.every((b) => b.y < top + Math.min(...boxes.map((c) => c.h)));
  return (
    oneColumn || oneRow || width > DEGENERATE_ASPECT * height || height > DEGENERATE_ASPECT * width
  );
}

/** Drops repeated edges (same ends, relation and group) and edges from a node to itself. */
export function dedupeEdges(edges: readonly ImportedEdge[]): ImportedEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    // A contradiction has no direction: A >< B and B >< A are one.
    const [a, b] =
      e.relation === 'CONTRADICTS' && e.toId < e.fromId ? [e.toId, e.fromId] : [e.fromId, e.toId];
    const key = `${a}|${b}|${e.relation}|${e.groupId ?? ''}`;
    if (e.fromId === e.toId || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Kinds for a file that does not say them: what a node does in the debate.
 * A node that attacks something is an objection, and one that attacks an
 * objection a rebuttal; a node that supports something is a premise; the
 * rest are claims. A contradiction makes neither end an objection: it has
 * no direction, so neither is the one answering the other.
 */
export function inferKinds(
  nodeIds: readonly string[],
  edges: readonly ImportedEdge[],
): Map<string, NodeKind> {
  const kinds = new Map<string, NodeKind>(nodeIds.map((id) => [id, 'CLAIM']));
  for (const e of edges) if (e.relation === 'SUPPORTS') kinds.set(e.fromId, 'PREMISE');
  const attacks = edges.filter((e) => e.relation === 'ATTACKS' || e.relation === 'UNDERCUTS');
  for (const e of attacks) kinds.set(e.fromId, 'OBJECTION');
  for (const e of attacks)
    if (kinds.get(e.toId) === 'OBJECTION' && e.relation === 'ATTACKS')
      kinds.set(e.fromId, 'REBUTTAL');
  return kinds;
}

/** Cuts a title or motion to `max` characters at a word boundary, for formats that allow longer ones. */
export function clip(text: string, max: number): string {
  const flat = flattenText(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/** A file name stem from a map title: letters and digits joined by dashes. */
export const fileStem = (title: string) =>
  title
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'map';

/**
 * Refuses a graph over the import limits (nodes, connections, connections
 * of one node), naming the limit: checked before anything is laid out or
 * written, since a few kB of AIF can describe tens of thousands of
 * connections.
 */
export function checkImportLimits(map: Pick<ImportedMap, 'nodes' | 'edges'>): void {
  if (map.nodes.length > MAX_IMPORT_NODES)
    throw new ImportFormatError(
      `The file has ${map.nodes.length} nodes; at most ${MAX_IMPORT_NODES} can be imported.`,
    );
  if (map.edges.length > MAX_IMPORT_EDGES)
    throw new ImportFormatError(
      `The file makes ${map.edges.length} connections; at most ${MAX_IMPORT_EDGES} can be imported.`,
    );
  const degree = new Map<string, number>();
  for (const e of map.edges)
    for (const id of [e.fromId, e.toId]) {
      const n = (degree.get(id) ?? 0) + 1;
      degree.set(id, n);
      if (n > MAX_IMPORT_EDGES_PER_NODE) {
        const text = map.nodes.find((node) => node.id === id)?.text ?? id;
        throw new ImportFormatError(
          `The node "${text.slice(0, 60)}" has more than ${MAX_IMPORT_EDGES_PER_NODE} connections; at most ${MAX_IMPORT_EDGES_PER_NODE} can be imported.`,
        );
      }
    }
}
