import type { Anchor } from './types';

/**
 * Source anchoring after the W3C Web Annotation model: an anchor keeps both a
 * TextPositionSelector (start/end) and a TextQuoteSelector (exact text with a
 * little context). Resolution tries the position first, then searches for the
 * quote and uses the context to choose between repeats; an anchor whose quote
 * is gone is reported orphaned rather than pointed at the wrong text.
 */

/** Characters of context kept on each side of a quote. */
const CONTEXT_LENGTH = 32;

export type AnchorResolution =
  | { status: 'exact'; start: number; end: number }
  | { status: 'moved'; start: number; end: number }
  | { status: 'orphaned' };

/** Builds the selectors for text[start, end). Throws on an empty or out-of-range span. */
export function createAnchor(sourceId: string, text: string, start: number, end: number): Anchor {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end > text.length ||
    start >= end
  ) {
    throw new RangeError(
      `invalid anchor span [${start}, ${end}) for a text of length ${text.length}`,
    );
  }
  return {
    sourceId,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/**
 * Anchors the first occurrence of `quote` in `text`. Throws when the quote is
 * absent or occurs more than once: a seed or import must name an unambiguous
 * passage.
 */
export function anchorQuote(sourceId: string, text: string, quote: string): Anchor {
  const start = text.indexOf(quote);
  if (quote.length === 0 || start === -1) {
    throw new Error(`quote not found in source ${sourceId}: "${quote.slice(0, 60)}"`);
  }
  if (text.indexOf(quote, start + 1) !== -1) {
    throw new Error(`quote occurs more than once in source ${sourceId}: "${quote.slice(0, 60)}"`);
  }
  return createAnchor(sourceId, text, start, start + quote.length);
}

/** Finds where an anchor's passage is in `text` now. */
export function resolveAnchor(
  text: string,
  anchor: Pick<Anchor, 'exact' | 'prefix' | 'suffix' | 'start' | 'end'>,
): AnchorResolution {
  const { exact, start, end } = anchor;
  if (exact.length === 0) return { status: 'orphaned' };
  if (
    start >= 0 &&
    end <= text.length &&
    end - start === exact.length &&
    text.slice(start, end) === exact
  ) {
    return { status: 'exact', start, end };
  }
  let best: { start: number; score: number; distance: number } | null = null;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    const score = contextScore(text, i, i + exact.length, anchor.prefix, anchor.suffix);
    const distance = Math.abs(i - start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { start: i, score, distance };
    }
  }
  if (!best) return { status: 'orphaned' };
  return { status: 'moved', start: best.start, end: best.start + exact.length };
}

/** Length of the matching context around text[start, end): common suffix of prefix + common prefix of suffix. */
function contextScore(
  text: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): number {
  let score = 0;
  while (
    score < prefix.length &&
    start - score - 1 >= 0 &&
    text[start - score - 1] === prefix[prefix.length - score - 1]
  ) {
    score++;
  }
  let after = 0;
  while (after < suffix.length && end + after < text.length && text[end + after] === suffix[after])
    after++;
  return score + after;
}

export type Span = { start: number; end: number; id: string };

export type Segment = { start: number; end: number; text: string; ids: string[] };

/**
 * Cuts `text` into consecutive segments at every span boundary, each listing
 * the spans covering it (possibly none), so a reader can draw overlapping
 * highlights. Spans outside the text are clipped; empty ones are ignored.
 * The segments' texts concatenate to `text`.
 */
export function segmentText(text: string, spans: readonly Span[]): Segment[] {
  const clipped = spans
    .map((s) => ({ id: s.id, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.start < s.end);
  const cuts = new Set<number>([0, text.length]);
  for (const s of clipped) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    const ids = clipped.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    segments.push({ start, end, text: text.slice(start, end), ids });
  }
  return segments;
}
