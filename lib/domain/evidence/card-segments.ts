import { normalizeMarks, type CardMarks } from './card';

/** A stretch of a card's passage with one set of marks: how a card is printed, on paper or in Word. */
export type CardSegment = { text: string; underline: boolean; highlight: boolean };

/** Cuts a passage where its marks start or end, in order; the segments' texts join to the passage. */
export function cardSegments(passage: string, marks: CardMarks): CardSegment[] {
  const { underline, highlight } = normalizeMarks(marks, passage.length);
  const cuts = new Set([0, passage.length]);
  for (const [s, e] of [...underline, ...highlight]) cuts.add(s).add(e);
  const points = [...cuts].sort((a, b) => a - b);
  const within = (ranges: readonly (readonly [number, number])[], at: number) =>
    ranges.some(([s, e]) => s <= at && at < e);
  const segments: CardSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    if (end > start)
      segments.push({
        text: passage.slice(start, end),
        underline: within(underline, start),
        highlight: within(highlight, start),
      });
  }
  return segments;
}
