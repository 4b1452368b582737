import 'server-only';
import type { SourceDraft } from '../../domain/evidence/source-draft';
import { MAX_SOURCE_CHARS } from '../../domain/types';
import { AppError } from '../errors';

/**
 * What every reader ends with: the text as pages (one page for a source
 * without pages) and the metadata found, before the text is cleaned, its
 * pages are counted and its length checked.
 */
export type ReadText = Omit<SourceDraft, 'text' | 'pageStarts' | 'pageLabels'> & {
  pages: string[];
  /** True when `pages` are a PDF's pages; false for one text without pages. */
  paged: boolean;
  pageLabels: string[];
};

/** C0 controls but \t and \n, and DEL; half of a surrogate pair (not storable, not a character). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Line ends as \n, composed characters (NFC), no control characters, no half characters. */
function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(CONTROL, '')
    .replace(LONE_SURROGATE, '\ufffd');
}

const PAGE_BREAK = '\n\n';

/** How a file or pasted page is named in messages: “report.pdf”, or “The pasted page”. */
export const nameOf = (fileName: string | null): string =>
  fileName ? `“${fileName}”` : 'The pasted page';

/**
 * The draft: each page cleaned and trimmed, pages joined with a blank line
 * and where each begins recorded (a page with no text begins where the next
 * one does). Refused when there is no text at all, or more than a source
 * can hold.
 */
export function finishDraft(read: ReadText): SourceDraft {
  const { pages, paged, pageLabels, ...rest } = read;
  let text = '';
  const pageStarts: number[] = [];
  let blank: number[] = [];
  for (const [i, page] of pages.entries()) {
    const clean = cleanText(page).trim();
    if (!clean) {
      blank.push(i);
      continue;
    }
    if (text) text += PAGE_BREAK;
    for (const j of [...blank, i]) pageStarts[j] = text.length;
    blank = [];
    text += clean;
  }
  for (const j of blank) pageStarts[j] = text.length;
  if (!text)
    throw new AppError(
      'UNPROCESSABLE',
      read.fileName
        ? `“${read.fileName}” has no text in it. Check that it is the right file, or paste the text instead.`
        : 'The pasted page has no text we could find. Paste the text itself instead.',
    );
  if (text.length > MAX_SOURCE_CHARS) throw tooLong(read.fileName, text.length);
  return {
    ...rest,
    title: cleanText(rest.title).replace(/\s+/g, ' ').trim(),
    author: cleanText(rest.author).replace(/\s+/g, ' ').trim(),
    publisher: cleanText(rest.publisher).replace(/\s+/g, ' ').trim(),
    text,
    pageStarts: paged ? pageStarts : [],
    pageLabels: paged && pageLabels.length === pageStarts.length ? pageLabels : [],
  };
}

/** The refusal for a text longer than a source may be (`length` when known). */
export function tooLong(fileName: string | null, length?: number): AppError {
  const limit = MAX_SOURCE_CHARS.toLocaleString('en');
  const size = length ? ` (${length.toLocaleString('en')} characters)` : '';
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `${nameOf(fileName)} has more text${size} than a source can hold (${limit} characters). Upload only the part you need, or paste it.`,
  );
}

/**
 * A calendar date (YYYY-MM-DD) from the ways files write one: ISO 8601
 * ("2024-03-05", "2024-03-05T10:00:00Z": the date as written, not moved to
 * another zone), "2024/03/05", and PDF dates ("D:20240305101500Z").
 * Null when there is no full, real date.
 */
export function calendarDate(value: string | null | undefined): string | null {
  const match = /^\s*(?:D:)?(\d{4})[-/]?(\d{2})[-/]?(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** "Annual report 2024.final.pdf" → "Annual report 2024.final". */
export const titleFromFileName = (fileName: string): string =>
  fileName.replace(/\.[^.\s]{1,8}$/, '').trim();
