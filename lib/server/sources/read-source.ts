import 'server-only';
import type { SourceDraft } from '../../domain/evidence/source-draft';
import { MAX_SOURCE_CHARS } from '../../domain/types';
import { AppError } from '../errors';
import { finishDraft, nameOf, titleFromFileName, tooLong } from './draft';
import { readZip } from './docx';
import { readHtml } from './html';
import { MAX_PDF_PAGES, readPdf } from './pdf';
import { sniff } from './sniff';

const MB = 1024 * 1024;

/**
 * What a file may be to be read as a source, for the upload form to say.
 * Bytes are the file's size; a text file's limit is the most bytes
 * MAX_SOURCE_CHARS characters can take in UTF-8. Whatever the file, its
 * text may be at most `chars` characters.
 */
export const SOURCE_FILE_LIMITS = {
  pdfBytes: 20 * MB,
  pdfPages: MAX_PDF_PAGES,
  docxBytes: 10 * MB,
  htmlBytes: 5 * MB,
  textBytes: 4 * MAX_SOURCE_CHARS,
  chars: MAX_SOURCE_CHARS,
  /** How long reading one PDF or Word file may take before it is given up. */
  seconds: 20,
} as const;

const megabytes = (bytes: number) => `${bytes / MB} MB`;

function checkSize(fileName: string, size: number, limit: number, what: string) {
  if (size > limit)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `“${fileName}” is larger than a ${what} can be to be read (${megabytes(limit)}). Upload only the part you need, or paste it.`,
    );
}

/**
 * Reads an uploaded file into a source draft for a person to review: its
 * kind is told from its bytes, not its name or `type` (the browser's guess,
 * not read): a PDF, a Word .docx file, a web page, or UTF-8 text (Markdown
 * when named .md or .markdown, titled by its first "# " heading). Anything
 * else is refused with UNSUPPORTED_MEDIA_TYPE naming what it seems to be. PDF and
 * Word files are read in a worker thread within a time and memory budget.
 * Refusals: PAYLOAD_TOO_LARGE past SOURCE_FILE_LIMITS, UNPROCESSABLE for a
 * file that cannot be read (damaged, password-protected, a scan without a
 * text layer, no text), RATE_LIMITED when the server is reading too many
 * files at once.
 */
export async function readSourceFile(file: {
  name: string;
  type?: string;
  bytes: Uint8Array;
}): Promise<SourceDraft> {
  const { name, bytes } = file;
  checkSize(name, bytes.length, SOURCE_FILE_LIMITS.pdfBytes, 'file');
  const sniffed = sniff(name, bytes);
  switch (sniffed.kind) {
    case 'pdf':
      return finishDraft(await readPdf(bytes, name));
    case 'zip':
      checkSize(name, bytes.length, SOURCE_FILE_LIMITS.docxBytes, 'Word file');
      return finishDraft(await readZip(bytes, name));
    case 'html':
      checkSize(name, bytes.length, SOURCE_FILE_LIMITS.htmlBytes, 'web page');
      return finishDraft(readHtml(sniffed.text, { fileName: name }));
    case 'text': {
      if (bytes.length > SOURCE_FILE_LIMITS.textBytes) throw tooLong(name);
      const markdown = /\.(md|markdown)$/i.test(name);
      return finishDraft({
        format: markdown ? 'MARKDOWN' : 'TEXT',
        fileName: name,
        pages: [sniffed.text],
        paged: false,
        pageLabels: [],
        title: (markdown && /^#\s+(.+)$/m.exec(sniffed.text)?.[1]) || titleFromFileName(name),
        author: '',
        publisher: '',
        publishedOn: null,
        url: null,
        warnings: [],
      });
    }
  }
}

/**
 * Reads pasted HTML (a page's source, or what a browser copies) into a
 * source draft: its main text and metadata, as for an uploaded web page.
 * `url` is where it came from, when the person said; the page's canonical
 * address wins over it.
 *
 * @internal The add-source page sends pasted HTML through `readSourceFile`
 * as a file named pasted.html; this is the same reading, for the tests.
 */
export async function readSourceHtml(html: string, url?: string | null): Promise<SourceDraft> {
  if (Buffer.byteLength(html) > SOURCE_FILE_LIMITS.htmlBytes)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${nameOf(null)} is larger than a web page can be to be read (${megabytes(SOURCE_FILE_LIMITS.htmlBytes)}). Paste only the part you need as text.`,
    );
  return finishDraft(readHtml(html, { fileName: null, url }));
}
