import 'server-only';
import { MAX_SOURCE_CHARS } from '../../domain/types';
import { AppError } from '../errors';
import { calendarDate, nameOf, titleFromFileName, type ReadText } from './draft';
import {
  FILE_FAULT,
  readOffThread,
  WorkerFailure,
  workerProgram,
  type ReadBudget,
} from './off-thread';
import { pdfPageText, type PdfTextItem } from './pdf-lines';
import { PDF_PROGRAM_BODY } from './pdf-program';

/** The most pages read from one PDF. */
export const MAX_PDF_PAGES = 300;
const PDF_BUDGET: ReadBudget = { ms: 20_000, heapMb: 512 };
const PROGRAM = workerProgram(PDF_PROGRAM_BODY);

type PdfRead = {
  pageCount: number;
  meta?: {
    title: string;
    author: string;
    created: string;
    xmpTitle: string;
    xmpCreators: string[];
  };
  labels?: string[];
  pages: PdfTextItem[][];
  cut: boolean;
};

/**
 * pdf.js's reading of `bytes` in a worker thread within `budget`.
 * @internal Exported for the tests that check it runs off the request's thread and is cut off in time.
 */
export async function extractPdf(
  bytes: Uint8Array,
  fileName: string,
  budget: ReadBudget = PDF_BUDGET,
): Promise<PdfRead & { threadId: number }> {
  try {
    return await readOffThread<PdfRead>(
      PROGRAM,
      // Text runs well past the limit are not read: the source would be refused anyway.
      { bytes, maxPages: MAX_PDF_PAGES, maxChars: 2 * MAX_SOURCE_CHARS },
      budget,
      () =>
        new AppError(
          'UNPROCESSABLE',
          `${nameOf(fileName)} took too long to read, or needed too much memory. Try a smaller PDF, or paste the text instead.`,
        ),
    );
  } catch (error) {
    if (
      !(error instanceof WorkerFailure) ||
      (error.kind !== FILE_FAULT && error.kind !== 'PasswordException')
    )
      throw error;
    if (error.kind === 'PasswordException')
      throw new AppError(
        'UNPROCESSABLE',
        `${nameOf(fileName)} is protected by a password. Open it, save a copy without the password, and upload that, or paste the text instead.`,
      );
    throw damaged(fileName, bytes);
  }
}

/** A PDF ends with %%EOF; one cut off on its way (a broken download) does not. */
const looksCutOff = (bytes: Uint8Array): boolean =>
  !Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF');

const damaged = (fileName: string, bytes: Uint8Array) =>
  new AppError(
    'UNPROCESSABLE',
    looksCutOff(bytes)
      ? `${nameOf(fileName)} is not a whole PDF: its end is missing (perhaps the download was cut off). Download it again, or paste the text instead.`
      : `${nameOf(fileName)} could not be read as a PDF: it seems to be damaged. Download it again, or paste the text instead.`,
  );

/** "Pages 3 and 7", "Page 2", "Pages 2, 5 and 9". */
function pageList(labels: string[]): string {
  if (labels.length === 1) return `Page ${labels[0]}`;
  return `Pages ${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** A title as Office writes it ("Microsoft Word - Report.docx") made the document's own. */
const ownTitle = (title: string | undefined): string =>
  (title ?? '')
    .trim()
    .replace(/^Microsoft (Word|PowerPoint) - /i, '')
    .replace(/\.(docx?|pptx?)$/i, '')
    .replace(/^untitled$/i, '');

/** A PDF's text, page by page, with its title, authors and date from the info dictionary and XMP. */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<ReadText> {
  const read = await extractPdf(bytes, fileName);
  if (read.pageCount > MAX_PDF_PAGES)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${nameOf(fileName)} has ${read.pageCount} pages; a source can have at most ${MAX_PDF_PAGES}. Upload only the chapters you need, or paste them.`,
    );
  if (read.cut)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${nameOf(fileName)} has more text than a source can hold (${MAX_SOURCE_CHARS.toLocaleString('en')} characters). Upload only the chapters you need, or paste them.`,
    );
  const pages = read.pages.map(pdfPageText);
  // Labels that only say 1, 2, 3… are no labels.
  const labels =
    read.labels?.length === pages.length && read.labels.some((label, i) => label !== String(i + 1))
      ? read.labels
      : [];
  const labelOf = (i: number) => labels[i] || String(i + 1);
  const empty = pages.flatMap((text, i) => (text.trim() ? [] : [labelOf(i)]));
  if (empty.length === pages.length)
    throw looksCutOff(bytes)
      ? damaged(fileName, bytes)
      : new AppError(
          'UNPROCESSABLE',
          `${nameOf(fileName)} has no text layer: it looks like a scanned image. Run it through OCR (for example “Make searchable” in your PDF app) or paste the text instead.`,
        );
  const meta = read.meta;
  const title = ownTitle(meta?.xmpTitle) || ownTitle(meta?.title);
  const warnings: string[] = [];
  if (empty.length > 0)
    warnings.push(
      `${pageList(empty)} ${empty.length === 1 ? 'has' : 'have'} no text (scanned images?): what ${empty.length === 1 ? 'it says' : 'they say'} is not in the source.`,
    );
  return {
    format: 'PDF',
    fileName,
    pages,
    paged: true,
    pageLabels: labels,
    title: title || titleFromFileName(fileName),
    author: meta?.xmpCreators.length ? meta.xmpCreators.join('; ') : (meta?.author ?? ''),
    publisher: '',
    publishedOn: calendarDate(meta?.created),
    url: null,
    warnings,
  };
}
