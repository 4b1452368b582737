/**
 * Which printed page a passage of a source is on. A source read from a PDF
 * keeps where each page begins in its text (`pageStarts`) and, when the PDF
 * named them, the pages' printed labels (`pageLabels`: "iv", "12"); without
 * labels pages are numbered 1, 2, 3….
 *
 * Starts are non-decreasing: a page with no text begins where the next one
 * does, so an offset always lands on the last page starting at or before it,
 * the page that holds the character.
 */
type Paged = { pageStarts: readonly number[]; pageLabels: readonly string[] };

/** The index of the last page starting at or before `offset`, or -1 before the first. */
function pageIndexAt(pageStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = pageStarts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (pageStarts[mid]! <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

const labelOf = (source: Paged, index: number): string =>
  source.pageLabels[index] || String(index + 1);

/**
 * The label of the page holding the character at `offset`; null when the source has no pages.
 *
 * @internal Exported for the tests of page numbering (quotes use `pageRange`).
 */
export function pageAt(source: Paged, offset: number): string | null {
  const index = pageIndexAt(source.pageStarts, offset);
  return index === -1 ? null : labelOf(source, index);
}

/**
 * The pages the passage [start, end) spans, for a citation: "4", or "4–5"
 * across pages (an en dash); null when the source has no pages.
 */
export function pageRange(source: Paged, start: number, end: number): string | null {
  const first = pageIndexAt(source.pageStarts, start);
  if (first === -1) return null;
  const last = Math.max(first, pageIndexAt(source.pageStarts, Math.max(start, end - 1)));
  return first === last
    ? labelOf(source, first)
    : `${labelOf(source, first)}–${labelOf(source, last)}`;
}
