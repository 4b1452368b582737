import type { Relation } from './types';

/**
 * How connections are drawn, shared by the canvas (components/map, through
 * lib/client/to-flow.ts) and the vector SVG export (svg-export.ts), so the
 * two cannot drift apart.
 */

/**
 * Each relation's line colour and line style, on the canvas and in the
 * legend: supports solid, attacks dashed, undercuts dotted, rephrases
 * dash-dot, contradicts dash-dot-dot (drawn with round caps), so a line
 * reads without its colour. A contradiction has no direction: it is drawn
 * with an arrowhead at both ends (`SYMMETRIC`).
 */
export const RELATION_STYLE: Record<Relation, { color: string; dash?: string }> = {
  SUPPORTS: { color: '#15803d' },
  ATTACKS: { color: '#b91c1c', dash: '8 6' },
  UNDERCUTS: { color: '#7c3aed', dash: '0.5 5' },
  REPHRASES: { color: '#475569', dash: '10 5 0.5 5' },
  CONTRADICTS: { color: '#c2410c', dash: '12 5 0.5 5 0.5 5' },
};

/** Relations with no direction, drawn with an arrowhead at each end. */
export const SYMMETRIC: ReadonlySet<Relation> = new Set(['CONTRADICTS']);

/** A relation glyph's ring, a circle of radius 8.5 round (0, 0). */
const RING = 'M 8.5 0 A 8.5 8.5 0 1 1 -8.5 0 A 8.5 8.5 0 1 1 8.5 0 Z';

/** The mark inside each relation's badge: + supports, − attacks, ⊘ undercuts, = rephrases, >< contradicts. */
const GLYPH_MARK: Record<Relation, string> = {
  SUPPORTS: 'M -4 0 H 4 M 0 -4 V 4',
  ATTACKS: 'M -4 0 H 4',
  UNDERCUTS: 'M -3.2 3.2 L 3.2 -3.2 M 4.5 0 A 4.5 4.5 0 1 1 -4.5 0 A 4.5 4.5 0 1 1 4.5 0',
  REPHRASES: 'M -4 -2 H 4 M -4 2 H 4',
  CONTRADICTS: 'M -4.5 -3.5 L -1 0 L -4.5 3.5 M 4.5 -3.5 L 1 0 L 4.5 3.5',
};

/** A relation's badge round (0, 0) as one path: the ring (filled white) and its mark (stroked). */
export const glyphPath = (relation: Relation) => `${RING} ${GLYPH_MARK[relation]}`;

/** How far before a linked argument's conclusion its premises' lines meet. */
export const JUNCTION_OFFSET = 40;

/** How one connection is drawn: on its own, as one premise of a linked argument, or as one of a mutual pair. */
export type EdgeShape = 'relation' | 'linked' | 'mutual';

/**
 * The shape of each connection, and whether it draws the arrow: the premises
 * of one linked argument (same group, same conclusion) run to a shared
 * junction, and only the group's lead edge draws the arrow from there to the
 * conclusion. Two cards that bear on each other (A attacks B, B attacks A)
 * are a mutual pair: from handle to handle, one of the two lines would run
 * behind both cards.
 */
export function edgeShapes(
  edges: readonly { id: string; fromId: string; toId: string; groupId: string | null }[],
): Map<string, { shape: EdgeShape; lead: boolean }> {
  const groupSize = new Map<string, number>();
  const leads = new Map<string, string>();
  for (const e of edges) {
    if (!e.groupId) continue;
    const key = `${e.groupId}→${e.toId}`;
    groupSize.set(key, (groupSize.get(key) ?? 0) + 1);
    if (!leads.has(key) || e.id < leads.get(key)!) leads.set(key, e.id);
  }
  const ends = new Set(edges.map((e) => `${e.fromId}→${e.toId}`));
  return new Map(
    edges.map((e) => {
      const key = `${e.groupId}→${e.toId}`;
      const linked = e.groupId !== null && (groupSize.get(key) ?? 0) > 1;
      const shape: EdgeShape = linked
        ? 'linked'
        : ends.has(`${e.toId}→${e.fromId}`)
          ? 'mutual'
          : 'relation';
      return [e.id, { shape, lead: !linked || leads.get(key) === e.id }];
    }),
  );
}

/** A card's box by its centre and half sizes. */
export type Box = { cx: number; cy: number; hw: number; hh: number };

/** How far either line of a mutual pair runs beside the line between the cards' centres. */
const SPREAD = 12;
/** How far the middle of either line bows out further, so the two read as a pair. */
const BOW = 26;

/** Where a ray from (x, y), inside `box`, in direction (ux, uy) crosses the box's border. */
function borderPoint(box: Box, x: number, y: number, ux: number, uy: number) {
  const tx = ux === 0 ? Infinity : (Math.sign(ux) * box.hw - (x - box.cx)) / ux;
  const ty = uy === 0 ? Infinity : (Math.sign(uy) * box.hh - (y - box.cy)) / uy;
  const t = Math.max(0, Math.min(tx, ty));
  return { x: x + ux * t, y: y + uy * t };
}

/**
 * The path of one direction of a mutual pair: from card to card along the
 * line between their centres, moved SPREAD to the right of the direction of
 * travel and bowed further out in the middle. The other direction travels
 * the other way, so its "right" is the opposite side: the two never overlap,
 * and each arrowhead lands on its own target's border, not behind a card.
 */
export function mutualPath(
  source: Box,
  target: Box,
): { path: string; middle: { x: number; y: number } } | null {
  const dx = target.cx - source.cx;
  const dy = target.cy - source.cy;
  const length = Math.hypot(dx, dy);
  if (length === 0) return null;
  const ux = dx / length;
  const uy = dy / length;
  // Screen y points down, so (-uy, ux) is to the right of travel.
  const nx = -uy;
  const ny = ux;
  const start = borderPoint(source, source.cx + nx * SPREAD, source.cy + ny * SPREAD, ux, uy);
  const end = borderPoint(target, target.cx + nx * SPREAD, target.cy + ny * SPREAD, -ux, -uy);
  const cx = (start.x + end.x) / 2 + nx * BOW;
  const cy = (start.y + end.y) / 2 + ny * BOW;
  return {
    path: `M ${start.x} ${start.y} Q ${cx} ${cy} ${end.x} ${end.y}`,
    // The curve's point halfway (t = 0.5), where its glyph sits.
    middle: { x: (start.x + 2 * cx + end.x) / 4, y: (start.y + 2 * cy + end.y) / 4 },
  };
}
