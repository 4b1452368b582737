import {
  edgeShapes,
  glyphPath,
  JUNCTION_OFFSET,
  mutualPath,
  RELATION_STYLE,
  SYMMETRIC,
} from './map-drawing';
import type { Box } from './map-drawing';
import { KIND_LABELS, RELATION_LABELS, RELATIONS } from './types';
import type { NodeKind, Relation, Side } from './types';

/**
 * The map as a vector SVG: cards as rectangles with real text (wrapped into
 * lines), connections as paths with arrowheads, in the canvas's colours and
 * line styles, and the legend below. Pure: the same graph and boxes give the
 * same string, in the browser and in tests.
 *
 * Nothing in it runs or fetches: no script, no foreignObject, no external
 * reference or font, only elements, presentation attributes and XML-escaped
 * text; the fonts are the system's (the app's own font stack).
 */

/** One card as drawn on the canvas: its text and where it stands (top left; width and measured height). */
type SvgCard = {
  id: string;
  kind: NodeKind;
  side: Side;
  text: string;
  /** The source's short citation ("Strakes, 4 Nov 2020") for a quote, else null. */
  sourceLabel: string | null;
  x: number;
  y: number;
  width: number;
  /** The card's height on the canvas; the drawn card grows if its text needs more. */
  height?: number;
};

type SvgConnection = {
  id: string;
  fromId: string;
  toId: string;
  relation: Relation;
  groupId: string | null;
};

/** The width of `text` in px at `size` px, bold or not. */
export type MeasureText = (text: string, size: number, bold: boolean) => number;

export type SvgExportInput = {
  title: string;
  cards: readonly SvgCard[];
  /** Connections whose ends are both among `cards`; others are left out. */
  connections: readonly SvgConnection[];
  /** Where conclusions sit, as on the reader's canvas. */
  direction?: 'UP' | 'LEFT';
  /** The sides' names for the legend ("For the motion", or a team's name); no legend when absent. */
  legend?: readonly { side: Side; label: string }[];
  /** How wide text is; defaults to `approximateTextWidth`. */
  measure?: MeasureText;
};

const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

/** The design tokens (app/styles/tokens.css) the cards use, as values: an SVG file has no CSS variables. */
const COLOR = {
  surface: '#ffffff',
  border: '#dfe3e8',
  text: '#1c2430',
  muted: '#5b6675',
  question: '#0f172a',
  questionMeta: '#cbd5e1',
  questionKind: '#334155',
  questionKindText: '#e2e8f0',
};
const SIDE_COLOR: Record<Side, { bar: string; bg: string }> = {
  FOR: { bar: '#1d4ed8', bg: '#eef3ff' },
  AGAINST: { bar: '#c2410c', bg: '#fff3ec' },
  NEUTRAL: { bar: '#475569', bg: '#f1f5f9' },
};

// Helvetica's advance widths (per 1000 em) for the printable ASCII characters, from space to ~.
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
  611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
  222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
/**
 * How much wider than Helvetica the widest common system font sets the same
 * text (DejaVu Sans, Linux's usual default, is about this much wider), so
 * wrapped lines fit in their card whichever of the stack's fonts draws them.
 */
const FONT_SLACK = 1.2;

function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32]!;
  if (/\p{Mn}/u.test(char)) return 0;
  // Wide scripts (CJK, Hangul, full-width forms) and pictographs take a whole em.
  if (
    /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/u.test(char)
  )
    return 1000;
  if (/\p{Extended_Pictographic}/u.test(char)) return 1000;
  if ('‘’‚'.includes(char)) return 222;
  if ('“”„'.includes(char)) return 333;
  if ('—…'.includes(char)) return 1000;
  if ('–•'.includes(char)) return 556;
  // An accented Latin letter is as wide as its letter; other letters as a wide one.
  const base = char.normalize('NFD')[0]!;
  const baseCode = base.codePointAt(0)!;
  if (base !== char && baseCode >= 32 && baseCode <= 126) return ASCII_WIDTHS[baseCode - 32]!;
  return 722;
}

/**
 * A deterministic estimate of how wide `text` is in the system font stack:
 * Helvetica's widths with room for wider fonts. Generous by design, so a
 * line measured with it does not overflow its card.
 */
export const approximateTextWidth: MeasureText = (text, size, bold) => {
  let units = 0;
  for (const char of text) units += charWidth(char);
  return (units / 1000) * size * FONT_SLACK * (bold ? 1.1 : 1);
};

/** Characters XML 1.0 does not allow (most control characters, lone surrogates, U+FFFE/FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** `text` as XML character data or an attribute value (either quote). */
function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * `text` broken into lines no wider than `width`: at spaces, and inside a
 * word only when the word alone is too wide (as the card's
 * `overflow-wrap: anywhere`). Runs of white space count as one space.
 */
function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (measure(joined) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    // A word wider than the line: as many characters as fit, then the rest.
    let rest = word;
    while (measure(rest) > width) {
      let cut = 0;
      let end = 0;
      for (const char of rest) {
        if (measure(rest.slice(0, end + char.length)) > width) break;
        end += char.length;
        cut++;
      }
      if (cut === 0) end = [...rest][0]!.length;
      lines.push(rest.slice(0, end));
      rest = rest.slice(end);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

const n = (value: number) => String(Math.round(value * 10) / 10);

// The card's box model (components/map/argument-node.module.css).
const BORDER = 1;
const BAR = 5;
const PAD_TOP = 8;
const PAD_X = 12;
const PAD_BOTTOM = 12;
const META_H = 17;
const META_GAP = 4;
const SOURCE_GAP = 6;
const SOURCE_H = 17;
const RADIUS = 10;

type Laid = SvgCard & { height: number; lines: string[]; box: Box };

function layCard(card: SvgCard, measure: MeasureText): Laid {
  const question = card.kind === 'QUESTION';
  const size = question ? 16 : 14;
  const inner = card.width - BAR - BORDER - 2 * PAD_X;
  const lines = wrapText(card.text, inner, (t) => measure(t, size, question));
  const lineHeight = size * 1.4;
  const needed =
    BORDER +
    PAD_TOP +
    META_H +
    META_GAP +
    Math.max(1, lines.length) * lineHeight +
    (card.sourceLabel ? SOURCE_GAP + SOURCE_H : 0) +
    PAD_BOTTOM +
    BORDER;
  const height = Math.max(card.height ?? 0, Math.ceil(needed));
  return {
    ...card,
    height,
    lines,
    box: {
      cx: card.x + card.width / 2,
      cy: card.y + height / 2,
      hw: card.width / 2,
      hh: height / 2,
    },
  };
}

/** The closed-arrow quote mark of the canvas (components/ui/icons.tsx QuoteIcon), 16 units square. */
const QUOTE_MARK =
  'M6.8 4C4.6 4.8 3 6.6 3 9.3V12h3.6V8.5H4.7C4.9 7 5.7 6 7.2 5.3z M13 4c-2.2.8-3.8 2.6-3.8 5.3V12h3.6V8.5h-1.9c.2-1.5 1-2.5 2.5-3.2z';

function drawCard(card: Laid, measure: MeasureText): string {
  const { x, y, width: w, height: h } = card;
  const question = card.kind === 'QUESTION';
  const side = SIDE_COLOR[card.side];
  const fill = question ? COLOR.question : COLOR.surface;
  const stroke = question ? COLOR.question : COLOR.border;
  const bar = card.side === 'AGAINST' ? BAR + 1 : BAR;
  const r = RADIUS;
  const parts: string[] = [];
  // The side's bar: the whole rounded card in the side's colour, its body drawn over all but the bar.
  parts.push(
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${r}" fill="${side.bar}"/>`,
  );
  parts.push(
    `<path d="M${n(x + bar)} ${n(y + 0.5)}H${n(x + w - r)}A${r - 0.5} ${r - 0.5} 0 0 1 ${n(x + w - 0.5)} ${n(y + r)}V${n(y + h - r)}A${r - 0.5} ${r - 0.5} 0 0 1 ${n(x + w - r)} ${n(y + h - 0.5)}H${n(x + bar)}Z" fill="${fill}" stroke="${stroke}"/>`,
  );
  // Against: a double bar, not only another colour, so the side reads in greyscale too.
  if (card.side === 'AGAINST')
    parts.push(
      `<rect x="${n(x + 2)}" y="${n(y + 2)}" width="2" height="${n(h - 4)}" fill="${COLOR.surface}"/>`,
    );
  const left = x + bar + PAD_X;
  const right = x + w - BORDER - PAD_X;
  const metaTop = y + BORDER + PAD_TOP;
  const kind = KIND_LABELS[card.kind].toUpperCase();
  const kindWidth = measure(kind, 11, true) + kind.length * 0.55 + 12;
  const kindFill = question ? COLOR.questionKind : side.bg;
  const kindText = question
    ? COLOR.questionKindText
    : card.side === 'NEUTRAL'
      ? COLOR.muted
      : side.bar;
  parts.push(
    `<rect x="${n(left)}" y="${n(metaTop)}" width="${n(kindWidth)}" height="${META_H}" rx="4" fill="${kindFill}"/>`,
    `<text x="${n(left + 6)}" y="${n(metaTop + 12.5)}" font-size="11" font-weight="700" letter-spacing="0.55" fill="${kindText}">${kind}</text>`,
  );
  if (card.side !== 'NEUTRAL')
    parts.push(
      `<text x="${n(right)}" y="${n(metaTop + 12.5)}" text-anchor="end" font-size="11" font-weight="700" letter-spacing="0.55" fill="${question ? COLOR.questionKindText : side.bar}">${card.side === 'FOR' ? 'FOR' : 'AGAINST'}</text>`,
    );
  const size = question ? 16 : 14;
  const lineHeight = size * 1.4;
  const textTop = metaTop + META_H + META_GAP;
  const baseline = (i: number) => textTop + i * lineHeight + (lineHeight - size) / 2 + size * 0.8;
  const spans = card.lines
    .map((line, i) => `<tspan x="${n(left)}" y="${n(baseline(i))}">${escapeXml(line)}</tspan>`)
    .join('');
  parts.push(
    `<text font-size="${size}"${question ? ' font-weight="600"' : ''} fill="${question ? '#ffffff' : COLOR.text}">${spans}</text>`,
  );
  if (card.sourceLabel) {
    const top = textTop + Math.max(1, card.lines.length) * lineHeight + SOURCE_GAP;
    const color = question ? COLOR.questionMeta : COLOR.muted;
    parts.push(
      `<path d="${QUOTE_MARK}" transform="translate(${n(left)} ${n(top + 1)}) scale(0.75)" fill="${color}"/>`,
      `<text x="${n(left + 16)}" y="${n(top + 12.5)}" font-size="12" fill="${color}">${escapeXml(card.sourceLabel)}</text>`,
    );
  }
  return `<g class="card">${parts.join('')}</g>`;
}

type Position = 'Top' | 'Bottom' | 'Left' | 'Right';

// React Flow's bezier edge (getBezierPath in @xyflow/system), so the export's curves are the canvas's.
function controlOffset(distance: number) {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}
function control(pos: Position, x1: number, y1: number, x2: number, y2: number) {
  switch (pos) {
    case 'Left':
      return [x1 - controlOffset(x1 - x2), y1] as const;
    case 'Right':
      return [x1 + controlOffset(x2 - x1), y1] as const;
    case 'Top':
      return [x1, y1 - controlOffset(y1 - y2)] as const;
    case 'Bottom':
      return [x1, y1 + controlOffset(y2 - y1)] as const;
  }
}
function bezier(sx: number, sy: number, sp: Position, tx: number, ty: number, tp: Position) {
  const [scx, scy] = control(sp, sx, sy, tx, ty);
  const [tcx, tcy] = control(tp, tx, ty, sx, sy);
  return {
    path: `M${n(sx)} ${n(sy)}C${n(scx)} ${n(scy)} ${n(tcx)} ${n(tcy)} ${n(tx)} ${n(ty)}`,
    middle: {
      x: sx * 0.125 + scx * 0.375 + tcx * 0.375 + tx * 0.125,
      y: sy * 0.125 + scy * 0.375 + tcy * 0.375 + ty * 0.125,
    },
  };
}

/** Where a connection leaves and enters a card: its handles (components/map/argument-node.tsx). */
function handles(direction: 'UP' | 'LEFT', from: Box, to: Box) {
  return direction === 'UP'
    ? {
        sx: from.cx,
        sy: from.cy - from.hh,
        sp: 'Top' as const,
        tx: to.cx,
        ty: to.cy + to.hh,
        tp: 'Bottom' as const,
      }
    : {
        sx: from.cx - from.hw,
        sy: from.cy,
        sp: 'Left' as const,
        tx: to.cx + to.hw,
        ty: to.cy,
        tp: 'Right' as const,
      };
}

const glyph = (relation: Relation, x: number, y: number) =>
  `<path d="${glyphPath(relation)}" transform="translate(${n(x)} ${n(y)})" fill="#fff" stroke="${RELATION_STYLE[relation].color}" stroke-width="1.75" stroke-linecap="round"/>`;

function line(relation: Relation, d: string, width: number, arrow: boolean) {
  const { color, dash } = RELATION_STYLE[relation];
  const style = dash ? ` stroke-dasharray="${dash}" stroke-linecap="round"` : '';
  const url = `url(#arrow-${relation.toLowerCase()})`;
  // A relation with no direction (a contradiction) has a head at both ends.
  const end = !arrow
    ? ''
    : SYMMETRIC.has(relation)
      ? ` marker-start="${url}" marker-end="${url}"`
      : ` marker-end="${url}"`;
  return `<path class="connection ${relation.toLowerCase()}" d="${d}" fill="none" stroke="${color}" stroke-width="${width}"${style}${end}/>`;
}

/** React Flow's closed arrowhead (MarkerType.ArrowClosed, 18 wide, in stroke widths) in a relation's colour. */
const marker = (relation: Relation) => {
  const { color } = RELATION_STYLE[relation];
  return `<marker id="arrow-${relation.toLowerCase()}" viewBox="-10 -10 20 20" markerWidth="18" markerHeight="18" markerUnits="strokeWidth" orient="auto-start-reverse" refX="0" refY="0"><polyline points="-5,-4 0,0 -5,4 -5,-4" fill="${color}" stroke="${color}" stroke-width="1" stroke-linecap="round" stroke-linejoin="round"/></marker>`;
};

function drawConnections(
  connections: readonly SvgConnection[],
  laid: Map<string, Laid>,
  direction: 'UP' | 'LEFT',
): { svg: string[]; points: { x: number; y: number }[] } {
  const shown = connections.filter((c) => laid.has(c.fromId) && laid.has(c.toId));
  const shapes = edgeShapes(shown);
  const svg: string[] = [];
  const points: { x: number; y: number }[] = [];
  for (const c of shown) {
    const from = laid.get(c.fromId)!.box;
    const to = laid.get(c.toId)!.box;
    const { shape, lead } = shapes.get(c.id)!;
    const h = handles(direction, from, to);
    if (shape === 'mutual') {
      const curve = mutualPath(from, to);
      if (curve) {
        const d = curve.path.replace(/-?\d+(\.\d+)?(e-?\d+)?/g, (v) => n(Number(v)));
        svg.push(line(c.relation, d, 2, true), glyph(c.relation, curve.middle.x, curve.middle.y));
        continue;
      }
    }
    if (shape === 'linked') {
      const junction =
        h.tp === 'Bottom'
          ? { x: h.tx, y: h.ty + JUNCTION_OFFSET }
          : { x: h.tx + JUNCTION_OFFSET, y: h.ty };
      points.push(junction);
      const curve = bezier(h.sx, h.sy, h.sp, junction.x, junction.y, h.tp);
      svg.push(
        line(c.relation, curve.path, 2, false),
        glyph(c.relation, curve.middle.x, curve.middle.y),
      );
      if (lead)
        svg.push(
          line(c.relation, `M${n(junction.x)} ${n(junction.y)}L${n(h.tx)} ${n(h.ty)}`, 3, true),
          `<circle cx="${n(junction.x)}" cy="${n(junction.y)}" r="5" fill="${RELATION_STYLE[c.relation].color}" stroke="#fff" stroke-width="2"/>`,
        );
      continue;
    }
    const curve = bezier(h.sx, h.sy, h.sp, h.tx, h.ty, h.tp);
    svg.push(
      line(c.relation, curve.path, 2, lead),
      glyph(c.relation, curve.middle.x, curve.middle.y),
    );
  }
  return { svg, points };
}

const LEGEND_SIZE = 13;
/** A relation as the legend names it, as the canvas's legend does. */
const legendLabel = (r: Relation) =>
  SYMMETRIC.has(r) ? `${RELATION_LABELS[r]} (each other)` : RELATION_LABELS[r];

/** The legend below the map: the sides' colours and each relation's line, as the canvas's legend. */
function drawLegend(
  sides: readonly { side: Side; label: string }[],
  left: number,
  top: number,
  maxWidth: number,
  measure: MeasureText,
): { svg: string; height: number; width: number } {
  type Item = { width: number; draw: (x: number, y: number) => string };
  const label = (text: string, x: number, y: number) =>
    `<text x="${n(x)}" y="${n(y + 14)}" font-size="${LEGEND_SIZE}" fill="${COLOR.muted}">${escapeXml(text)}</text>`;
  const items: Item[] = [
    ...sides.map((s): Item => ({
      width: 20 + measure(s.label, LEGEND_SIZE, false),
      draw: (x, y) =>
        `<rect x="${n(x)}" y="${n(y + 3)}" width="14" height="14" rx="3" fill="${SIDE_COLOR[s.side].bg}" stroke="${SIDE_COLOR[s.side].bar}" stroke-width="2"/>` +
        label(s.label, x + 20, y),
    })),
    ...RELATIONS.map((r): Item => ({
      width: 58 + measure(legendLabel(r), LEGEND_SIZE, false),
      draw: (x, y) =>
        line(r, `M${n(x + 2)} ${n(y + 10)}H${n(x + 50)}`, 2.5, false) +
        glyph(r, x + 26, y + 10) +
        label(legendLabel(r), x + 58, y),
    })),
    {
      width: 18 + measure('linked premises (needed together)', LEGEND_SIZE, false),
      draw: (x, y) =>
        `<circle cx="${n(x + 6)}" cy="${n(y + 10)}" r="5" fill="${RELATION_STYLE.SUPPORTS.color}" stroke="#fff" stroke-width="2"/>` +
        label('linked premises (needed together)', x + 18, y),
    },
  ];
  const ROW = 24;
  const GAP = 20;
  const out: string[] = [];
  let x = 0;
  let row = 0;
  let width = 0;
  for (const item of items) {
    if (x > 0 && x + item.width > maxWidth) {
      x = 0;
      row++;
    }
    out.push(item.draw(left + x, top + row * ROW));
    x += item.width + GAP;
    width = Math.max(width, x - GAP);
  }
  return {
    svg: `<g class="legend">${out.join('')}</g>`,
    height: (row + 1) * ROW,
    width,
  };
}

const PADDING = 40;

/**
 * The map as a standalone SVG document (UTF-8 text): cards in `cards`,
 * connections between them, framed with a margin, with the legend below
 * when `legend` is given, and a title and description for screen readers.
 */
export function mapToSvg(input: SvgExportInput): string {
  const measure = input.measure ?? approximateTextWidth;
  const direction = input.direction ?? 'UP';
  const laid = new Map(input.cards.map((c) => [c.id, layCard(c, measure)]));
  const cards = [...laid.values()];
  const edges = drawConnections(input.connections, laid, direction);
  const xs = [...cards.flatMap((c) => [c.x, c.x + c.width]), ...edges.points.map((p) => p.x)];
  const ys = [...cards.flatMap((c) => [c.y, c.y + c.height]), ...edges.points.map((p) => p.y)];
  const minX = (xs.length ? Math.min(...xs) : 0) - PADDING;
  const minY = (ys.length ? Math.min(...ys) : 0) - PADDING;
  let width = (xs.length ? Math.max(...xs) : 0) + PADDING - minX;
  let height = (ys.length ? Math.max(...ys) : 0) + PADDING - minY;
  let legend = '';
  if (input.legend) {
    const drawn = drawLegend(
      input.legend,
      minX + 16,
      minY + height,
      Math.max(width - 32, 560),
      measure,
    );
    legend = drawn.svg;
    width = Math.max(width, drawn.width + 32);
    height += drawn.height + 16;
  }
  width = Math.ceil(width);
  height = Math.ceil(height);
  const used = RELATIONS.filter(
    (r) => input.legend || input.connections.some((c) => c.relation === r),
  );
  const shownConnections = input.connections.filter(
    (c) => laid.has(c.fromId) && laid.has(c.toId),
  ).length;
  const desc = `An argument map of ${cards.length} ${cards.length === 1 ? 'card' : 'cards'} and ${shownConnections} ${shownConnections === 1 ? 'connection' : 'connections'}: reasons point with arrows to what they bear on${input.connections.some((c) => SYMMETRIC.has(c.relation)) ? ', and statements that contradict each other have an arrow at both ends' : ''}.`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${n(minX)} ${n(minY)} ${width} ${height}" role="img" aria-labelledby="map-title map-desc" font-family="${FONT_STACK}">` +
    `<title id="map-title">${escapeXml(input.title)}</title>` +
    `<desc id="map-desc">${escapeXml(desc)}</desc>` +
    `<defs>${used.map(marker).join('')}</defs>` +
    `<rect x="${n(minX)}" y="${n(minY)}" width="${width}" height="${height}" fill="#ffffff"/>` +
    `<g class="connections">${edges.svg.join('')}</g>` +
    `<g class="cards">${cards.map((c) => drawCard(c, measure)).join('')}</g>` +
    legend +
    `</svg>\n`
  );
}
