import { z } from 'zod';

/**
 * An evidence card, as debaters cut them: over the passage an evidence node
 * quotes (its anchor's exact text), the ranges the student underlined
 * (context) and highlighted (read aloud). The card's tag is the node's text;
 * its cite comes from the source. Offsets are UTF-16 code units into the
 * passage, [start, end), like the anchor's own.
 */

/** A marked range of the passage: [start, end). */
export type MarkRange = [start: number, end: number];

export type CardMarks = {
  underline: MarkRange[];
  highlight: MarkRange[];
};

export type MarkLayer = keyof CardMarks;

export const EMPTY_MARKS: CardMarks = { underline: [], highlight: [] };

/** The most ranges one layer may hold (a long card has a few dozen). */
export const MAX_RANGES = 500;

export const ZMarkRange = z
  .tuple([z.number().int().nonnegative(), z.number().int().positive()])
  .refine(([s, e]) => e > s, { message: 'A marked range must end after it starts' });

export const ZCardMarks = z.object({
  underline: z
    .array(ZMarkRange)
    .max(MAX_RANGES, `A card holds at most ${MAX_RANGES} marked ranges`),
  highlight: z
    .array(ZMarkRange)
    .max(MAX_RANGES, `A card holds at most ${MAX_RANGES} marked ranges`),
});

/**
 * Sorts ranges, merges those that overlap or touch, and clips them to a passage of `length`.
 *
 * @internal Exported for the tests of the range algebra.
 */
export function normalizeRanges(ranges: readonly MarkRange[], length: number): MarkRange[] {
  const clipped = ranges
    .map(([s, e]): MarkRange => [Math.max(0, s), Math.min(length, e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of clipped) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Both layers normalized against a passage of `length`. */
export function normalizeMarks(marks: CardMarks, length: number): CardMarks {
  return {
    underline: normalizeRanges(marks.underline, length),
    highlight: normalizeRanges(marks.highlight, length),
  };
}

/** The ranges of `ranges` (normalized) with [s, e) taken out. */
function without(ranges: readonly MarkRange[], [s, e]: MarkRange): MarkRange[] {
  return ranges.flatMap(([a, b]): MarkRange[] => {
    if (b <= s || a >= e) return [[a, b]];
    const out: MarkRange[] = [];
    if (a < s) out.push([a, s]);
    if (b > e) out.push([e, b]);
    return out;
  });
}

/** The parts of `ranges` that fall inside [s, e), clipped to it. */
export function rangesWithin(ranges: readonly MarkRange[], [s, e]: MarkRange): MarkRange[] {
  return normalizeRanges(ranges, Infinity).flatMap(([a, b]): MarkRange[] =>
    b <= s || a >= e ? [] : [[Math.max(a, s), Math.min(b, e)]],
  );
}

/** Whether every character of [s, e) is in `ranges`. */
export function isMarked(ranges: readonly MarkRange[], range: MarkRange): boolean {
  const inside = rangesWithin(ranges, range);
  return inside.length === 1 && inside[0]![0] === range[0] && inside[0]![1] === range[1];
}

/**
 * Marks or unmarks [s, e) on one layer; the other layer is left as it is.
 * An unmark may `keep` parts of the range marked (what undoing a mark sends:
 * the range goes back to exactly what it held). Marks change only inside the
 * range, so two people marking different words of one card both keep theirs,
 * in either order.
 */
export function applyMark(
  marks: CardMarks,
  layer: MarkLayer,
  range: MarkRange,
  on: boolean,
  keep: readonly MarkRange[] = [],
): CardMarks {
  const rest = without(normalizeRanges(marks[layer], Infinity), range);
  const added = on ? [range] : rangesWithin(keep, range);
  return { ...marks, [layer]: normalizeRanges([...rest, ...added], Infinity) };
}

/** Why these marks do not fit a passage of `length`, or null when they do. */
export function marksOutOfRange(marks: CardMarks, length: number): string | null {
  const all = [...marks.underline, ...marks.highlight];
  return all.some(([, e]) => e > length)
    ? `A marked range goes past the end of the passage (${length} characters)`
    : null;
}

/**
 * The marks moved onto a new passage of the same source: offsets shift by
 * where the new passage starts, and what falls outside it is dropped. A
 * passage from another source keeps no marks.
 */
export function rebaseMarks(
  marks: CardMarks,
  from: { sourceId: string; start: number },
  to: { sourceId: string; start: number; end: number },
): CardMarks {
  if (from.sourceId !== to.sourceId) return { underline: [], highlight: [] };
  const shift = (ranges: readonly MarkRange[]) =>
    normalizeRanges(
      ranges.map(([s, e]): MarkRange => [s + from.start - to.start, e + from.start - to.start]),
      to.end - to.start,
    );
  return { underline: shift(marks.underline), highlight: shift(marks.highlight) };
}

/** A stored card (JSON from the database or a backup) as marks, or null when it is not a card. */
export function cardOf(json: unknown): CardMarks | null {
  const parsed = ZCardMarks.safeParse(json);
  if (!parsed.success) return null;
  // Always this key order: undo compares marks as JSON, and jsonb reorders keys.
  return { underline: parsed.data.underline, highlight: parsed.data.highlight };
}

/** A run of the passage with the same marks. */
export type Segment = {
  start: number;
  end: number;
  text: string;
  underline: boolean;
  highlight: boolean;
};

/**
 * The passage cut into runs at every mark's edge: each character is in
 * exactly one run, so unmarked text is shown (smaller), never dropped.
 */
export function segments(passage: string, marks: CardMarks): Segment[] {
  const u = normalizeRanges(marks.underline, passage.length);
  const h = normalizeRanges(marks.highlight, passage.length);
  const cuts = new Set([0, passage.length]);
  for (const [s, e] of [...u, ...h]) cuts.add(s).add(e);
  const points = [...cuts].sort((a, b) => a - b);
  const inside = (ranges: MarkRange[], at: number) => ranges.some(([s, e]) => s <= at && at < e);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    out.push({
      start,
      end,
      text: passage.slice(start, end),
      underline: inside(u, start),
      highlight: inside(h, start),
    });
  }
  return out;
}

/** Words a debater reads aloud a minute: conversational 150, fast 300 and more. */
export const READING_RATES = [150, 200, 250, 300, 350] as const;

/**
 * What reading the highlighted words aloud takes at `wordsPerMinute`: the
 * words (a word partly highlighted counts) and whole seconds.
 */
export function readAloud(
  passage: string,
  marks: CardMarks,
  wordsPerMinute: number,
): { words: number; seconds: number } {
  let words = 0;
  for (const [s, e] of normalizeRanges(marks.highlight, passage.length)) {
    words += passage.slice(s, e).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  }
  return { words, seconds: Math.round((words / wordsPerMinute) * 60) };
}
