import type { QuoteSelection } from './types';

/**
 * The selected passage of `container` as offsets into its text. The reader
 * renders the source text verbatim (highlights only wrap parts of it), so
 * offsets in the rendered text are offsets in the source. Surrounding
 * white space is left out; null when nothing inside `container` is selected.
 */
export function selectionIn(container: HTMLElement, sourceId: string): QuoteSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer))
    return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  let start = before.toString().length;
  let end = start + range.toString().length;
  const full = container.textContent ?? '';
  while (start < end && /\s/.test(full[start]!)) start++;
  while (end > start && /\s/.test(full[end - 1]!)) end--;
  if (end <= start) return null;
  return { sourceId, start, end, text: full.slice(start, end) };
}
