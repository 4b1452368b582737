import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { FRAME_PADDING, FRAME_TITLE_SPACE, type SectionsView } from './sections';

/**
 * Automatic layout with ELK's layered algorithm. Arrows run from reasons to
 * what they bear on, so direction UP puts conclusions at the top, as debate
 * trees are usually read.
 */

export type LayoutDirection = 'UP' | 'DOWN' | 'LEFT' | 'RIGHT';

export type LayoutInput = {
  nodes: { id: string; width: number; height: number }[];
  edges: { id: string; fromId: string; toId: string }[];
  /** The map's sections (Argdown headings) and which node is in which: each section's cards are kept together. */
  sections?: SectionsView;
};

export const NODE_WIDTH = 260;

/** A height estimate for a node card of NODE_WIDTH showing `text`, before the browser measures it. */
export function estimateNodeHeight(text: string, hasSource: boolean, tags = 0): number {
  const charsPerLine = 34;
  const lines = Math.max(1, Math.ceil(text.length / charsPerLine));
  // Tag chips: a row of about three under the text.
  return 44 + lines * 20 + (hasSource ? 20 : 0) + Math.ceil(tags / 3) * 26;
}

/** How many rows a card's text box shows for `text` (it grows with the text, up to a point). */
export function editorRows(text: string): number {
  return Math.min(8, Math.max(3, Math.ceil(text.length / 32)));
}

/**
 * A height estimate for a new card: it opens with its text box, taller than
 * the text it will show once saved, and neither may cover another card.
 */
export function estimateNewNodeHeight(text: string, hasSource: boolean): number {
  return Math.max(
    estimateNodeHeight(text, hasSource),
    60 + editorRows(text) * 20 + (hasSource ? 20 : 0),
  );
}

/**
 * Above this many nodes ELK's NETWORK_SIMPLEX node placement gets too slow
 * (about 6 s for 1,000 nodes on our 2-core machines, docs/PERFORMANCE.md);
 * BRANDES_KOEPF takes about a tenth of that, with slightly less straight
 * edges, so large maps use it.
 */
const SIMPLEX_PLACEMENT_LIMIT = 200;

/**
 * A graph with more than this many connections per node is dense (an
 * imported inference from 20 premises to 20 conclusions has 10): ELK's
 * NETWORK_SIMPLEX and its orthogonal edge routing took 6–11 s on 40 such
 * nodes, BRANDES_KOEPF with polyline routing about 1 s. The canvas draws its
 * own edges, so ELK's routes only set the space between layers.
 */
const DENSE_EDGES_PER_NODE = 2;

let elk: InstanceType<typeof ELK> | null = null;

/** ELK's layered options for `nodes` and `edges`, conclusions at the top for UP. */
function layeredOptions(
  nodes: number,
  edges: number,
  direction: LayoutDirection,
): Record<string, string> {
  const dense = edges > DENSE_EDGES_PER_NODE * nodes;
  return {
    'elk.algorithm': 'layered',
    'elk.direction': direction,
    'elk.spacing.nodeNode': '40',
    'elk.layered.spacing.nodeNodeBetweenLayers': '70',
    'elk.layered.nodePlacement.strategy':
      nodes <= SIMPLEX_PLACEMENT_LIMIT && !dense ? 'NETWORK_SIMPLEX' : 'BRANDES_KOEPF',
    'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    ...(dense && { 'elk.edgeRouting': 'POLYLINE' }),
  };
}

/**
 * Above this many nodes a map with sections is laid out as one without, so
 * the largest maps cost what they did: sections small enough for
 * NETWORK_SIMPLEX made 1,000 cards take about 1.5 times as long
 * (docs/PERFORMANCE.md).
 */
const SECTION_LAYOUT_LIMIT = 1_000;

/**
 * The shape ELK packs a map's sections into (and a wide section's separate
 * parts): about a screen's, so the first view shows cards one can read
 * rather than one long row.
 */
const SECTION_ASPECT_RATIO = '1.6';

const NO_PADDING = '[top=0,left=0,bottom=0,right=0]';

/** Space between two sections' frames. */
const SECTION_GAP = 40;

/**
 * The room a section's frame takes around its cards (sectionFrames): ELK
 * keeps it free inside the section's box, so frames drawn from the cards
 * afterwards lie within the boxes ELK keeps apart.
 */
const FRAME_ROOM = `[top=${FRAME_PADDING + FRAME_TITLE_SPACE},left=${FRAME_PADDING},bottom=${FRAME_PADDING},right=${FRAME_PADDING}]`;

/**
 * The graph ELK lays out for `input`: the layered algorithm, conclusions at
 * the top for UP. A map with sections (up to SECTION_LAYOUT_LIMIT nodes)
 * gets one compound node per section, nested as the sections are, each
 * section's cards laid out in it and the sections packed into rows
 * (`rectpacking`); edges between sections take no part in placing them.
 */
export function elkGraph(input: LayoutInput, direction: LayoutDirection = 'UP'): ElkNode {
  const ids = new Set(input.nodes.map((n) => n.id));
  const edges = input.edges.filter(
    (e) => ids.has(e.fromId) && ids.has(e.toId) && e.fromId !== e.toId,
  );
  const view = input.sections;
  if (
    view &&
    input.nodes.length <= SECTION_LAYOUT_LIMIT &&
    input.nodes.some((n) => inSection(view, n.id))
  )
    return sectionedGraph(input.nodes, edges, view, direction);
  return {
    id: 'root',
    layoutOptions: layeredOptions(input.nodes.length, edges.length, direction),
    children: input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.fromId], targets: [e.toId] })),
  };
}

/** Whether node `id` is in one of the map's sections. */
const inSection = (view: SectionsView, id: string) => {
  const s = view.nodeSection[id];
  return s !== undefined && view.sections.some((section) => section.id === s);
};

/** The ELK graph of a map with sections: see elkGraph. Compound ids have a colon, which no node id has. */
function sectionedGraph(
  nodes: LayoutInput['nodes'],
  edges: LayoutInput['edges'],
  view: SectionsView,
  direction: LayoutDirection,
): ElkNode {
  const known = new Set(view.sections.map((s) => s.id));
  const sectionOf = (nodeId: string) => {
    const s = view.nodeSection[nodeId];
    return s !== undefined && known.has(s) ? s : null;
  };
  const add = <K, V>(groups: Map<K, V[]>, key: K, value: V) => {
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  };
  // Each section's own cards, and the edges between two of them (null: in no section).
  const cards = new Map<string | null, LayoutInput['nodes']>();
  for (const n of nodes) add(cards, sectionOf(n.id), n);
  const inner = new Map<string | null, ElkExtendedEdge[]>();
  for (const e of edges) {
    const s = sectionOf(e.fromId);
    if (s === sectionOf(e.toId))
      add(inner, s, { id: e.id, sources: [e.fromId], targets: [e.toId] });
  }
  /** A section's own cards, laid out as the whole map would be; `padding` around them. */
  const layered = (id: string, section: string | null, padding: string): ElkNode => {
    const own = cards.get(section) ?? [];
    const links = inner.get(section) ?? [];
    return {
      id,
      layoutOptions: {
        ...layeredOptions(own.length, links.length, direction),
        'elk.aspectRatio': SECTION_ASPECT_RATIO,
        'elk.padding': padding,
      },
      children: own.map((n) => ({ id: n.id, width: n.width, height: n.height })),
      edges: links,
    };
  };
  const packed = (id: string, children: ElkNode[], padding: string): ElkNode => ({
    id,
    layoutOptions: {
      'elk.algorithm': 'rectpacking',
      'elk.aspectRatio': SECTION_ASPECT_RATIO,
      'elk.spacing.nodeNode': String(SECTION_GAP),
      'elk.padding': padding,
    },
    children,
  });
  const subsections = new Map<string | null, string[]>();
  for (const s of view.sections) add(subsections, s.parentId, s.id);
  /**
   * The boxes packed inside `section` (the map's top level for null): its
   * own cards as one box, and each subsection holding any card. None when
   * no subsection holds one: the section's cards are laid out in its box.
   */
  const within = (section: string | null): ElkNode[] => {
    const subs = (subsections.get(section) ?? []).flatMap((s) => {
      const box = sectionBox(s);
      return box ? [box] : [];
    });
    if (subs.length === 0) return [];
    return cards.has(section)
      ? [layered(`own:${section ?? ''}`, section, NO_PADDING), ...subs]
      : subs;
  };
  const sectionBox = (section: string): ElkNode | null => {
    const boxes = within(section);
    if (boxes.length > 0) return packed(`section:${section}`, boxes, FRAME_ROOM);
    return cards.has(section) ? layered(`section:${section}`, section, FRAME_ROOM) : null;
  };
  return packed('root', within(null), NO_PADDING);
}

/** Top-left positions of the nodes, keyed by id, from ELK's answer: a section's cards moved by its place. */
export function positionsOf(result: ElkNode): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const walk = (parent: ElkNode, dx: number, dy: number) => {
    for (const child of parent.children ?? []) {
      const x = dx + (child.x ?? 0);
      const y = dy + (child.y ?? 0);
      if (child.id.includes(':')) walk(child, x, y);
      else positions.set(child.id, { x: Math.round(x), y: Math.round(y) });
    }
  };
  walk(result, 0, 0);
  return positions;
}

/** Top-left positions for every node, keyed by id. */
export async function layoutGraph(
  input: LayoutInput,
  direction: LayoutDirection = 'UP',
): Promise<Map<string, { x: number; y: number }>> {
  elk ??= new ELK();
  return positionsOf(await elk.layout(elkGraph(input, direction)));
}

type Box = { x: number; y: number; width: number; height: number };

/** The least space left between a new card and any other. */
const FREE_GAP = 24;

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
  gap = FREE_GAP,
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

/** Space between a card and a new reason for it: the auto-layout's space between layers. */
const REASON_GAP = 70;
/** Space between a card and a new card beside it: the auto-layout's space between siblings. */
const SIBLING_GAP = 40;
/** How many places along a row are tried before looking anywhere near. */
const ROW_TRIES = 4;

/**
 * Where a new card of `size` goes next to `anchor`, the card it relates to:
 * `beside` it (a quote or a claim next to the selected card) or where its
 * reasons go (`reason`), which is below it when conclusions are at the top
 * and to its right when they are at the left. Else the free spot nearest
 * there: it covers neither `anchor` nor any of `boxes`.
 */
export function spotNextTo(
  boxes: readonly Box[],
  anchor: Box,
  size: { width: number; height: number },
  as: 'beside' | 'reason',
  direction: 'UP' | 'LEFT' = 'UP',
): { x: number; y: number } {
  const right = (as === 'beside') === (direction === 'UP');
  const gap = as === 'reason' ? REASON_GAP : SIBLING_GAP;
  const near = right
    ? { x: anchor.x + anchor.width + gap, y: anchor.y }
    : { x: anchor.x + (anchor.width - size.width) / 2, y: anchor.y + anchor.height + gap };
  const all = [...boxes, anchor];
  // First along the row the card would share with its siblings (reasons
  // either side of the first, a quote further out), as the layout would put
  // them; then anywhere near.
  const step =
    direction === 'UP'
      ? { x: size.width + SIBLING_GAP, y: 0 }
      : { x: 0, y: size.height + SIBLING_GAP };
  for (let k = 0; k <= ROW_TRIES; k++) {
    for (const sign of as === 'reason' && k > 0 ? [1, -1] : [1]) {
      const at = { x: near.x + sign * k * step.x, y: near.y + sign * k * step.y };
      if (!all.some((b) => overlaps({ ...at, ...size }, b, FREE_GAP)))
        return { x: Math.round(at.x), y: Math.round(at.y) };
    }
  }
  return freeSpot(all, near, size);
}
