import { z } from 'zod';

/**
 * An evidence card, as debaters cut them: over the passage an evidence node
 * quotes (its anchor's exact text), the ranges the student underlined
 * (context) and highlighted (read aloud). The card's tag is the node's text;
 * its cite comes from the source. Offsets are UTF-16 code units into the
 * passage, [start, end), like the anchor's own.
 */

/** A marked range of the passage: [start, end). */
export type MarkRange = readonly [start: number, end: number];

export type CardMarks = {
  underline: MarkRange[];
  highlight: MarkRange[];
};

export type MarkLayer = keyof CardMarks;

export const EMPTY_MARKS: CardMarks = { underline: [], highlight: [] };

/** The most ranges one layer may hold (a long card has a few dozen). */
export const MAX_RANGES = 500;

const ZRange = z
  .tuple([z.number().int().nonnegative(), z.number().int().positive()])
  .refine(([s, e]) => e > s, { message: 'A marked range must end after it starts' });

export const ZCardMarks = z.object({
  underline: z.array(ZRange).max(MAX_RANGES, `A card holds at most ${MAX_RANGES} marked ranges`),
  highlight: z.array(ZRange).max(MAX_RANGES, `A card holds at most ${MAX_RANGES} marked ranges`),
});

/** Sorts ranges, merges those that overlap or touch, and clips them to a passage of `length`. */
export function normalizeRanges(ranges: readonly MarkRange[], length: number): MarkRange[] {
  const clipped = ranges
    .map(([s, e]) => [Math.max(0, s), Math.min(length, e)] as const)
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
