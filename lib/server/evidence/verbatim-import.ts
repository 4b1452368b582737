import 'server-only';
import { parseHTML } from 'linkedom';
import { normalizeMarks, type CardMarks } from '../../domain/evidence/card';
import { AppError } from '../errors';
import {
  FILE_FAULT,
  readOffThread,
  WorkerFailure,
  workerProgram,
  type ReadBudget,
} from '../sources/off-thread';

/**
 * Word's styles to HTML, in a worker thread within a time and memory budget
 * like every other Word or PDF file the server reads (off-thread.ts): a
 * file of cards is unpacked and converted there, never on the request's
 * thread.
 */
const PROGRAM = workerProgram(`
const mammoth = require('mammoth');
const { bytes, styleMap } = workerData;
const { value } = await mammoth
  .convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap, includeDefaultStyleMap: true })
  .catch(fileFault);
return { html: value };
`);
const BUDGET: ReadBudget = { ms: 30_000, heapMb: 512 };

/**
 * Reads cards out of a Word file cut the Verbatim way (or one this app
 * exported): mammoth turns the styles into HTML elements (headings for
 * Pocket, Hat, Block and Tag; <u> for underlining, whether by a named style
 * or by hand; <mark> for highlighting; a span for the Cite style), then the
 * HTML is walked in order: a tag (Heading 4), its cite paragraph, then the
 * passage up to the next heading. A tag with no passage (an analytic) is
 * not a card and is left out.
 */

export type ParsedCard = {
  tag: string;
  /** The Cite-styled words of the cite paragraph ("Turchenko 23"); '' when none is styled. */
  citeShort: string;
  /** The cite paragraph after the short cite. */
  citeFull: string;
  /** The whole cite paragraph. */
  citeParagraph: string;
  /** Paragraphs joined with a blank line, line breaks kept, trimmed. */
  passage: string;
  marks: CardMarks;
  pocket: string;
  hat: string;
  block: string;
};

const STYLE_MAP = [
  "p[style-name='Heading 1'] => h1:fresh",
  "p[style-name='Pocket'] => h1:fresh",
  "p[style-name='Heading 2'] => h2:fresh",
  "p[style-name='Hat'] => h2:fresh",
  "p[style-name='Heading 3'] => h3:fresh",
  "p[style-name='Block'] => h3:fresh",
  "p[style-name='Heading 4'] => h4:fresh",
  "p[style-name='Tag'] => h4:fresh",
  "p[style-name='Analytic'] => h4:fresh",
  "p[style-name='Undertag'] => p.undertag:fresh",
  "r[style-name='Cite'] => span.cite",
  "r[style-name='Style 13 pt Bold'] => span.cite",
  "r[style-name='Style Underline'] => u",
  "r[style-name='Underline'] => u",
  "r[style-name='Emphasis'] => u",
  'u => u',
  'highlight => mark',
];

type Marked = { text: string; underline: [number, number][]; highlight: [number, number][] };

/** A paragraph's text with the ranges inside <u> and <mark>, line breaks as \n. */
function readParagraph(p: Element): Marked {
  const out: Marked = { text: '', underline: [], highlight: [] };
  const add = (text: string, underline: boolean, highlight: boolean) => {
    const start = out.text.length;
    out.text += text;
    if (underline) out.underline.push([start, out.text.length]);
    if (highlight) out.highlight.push([start, out.text.length]);
  };
  const visit = (node: Node, underline: boolean, highlight: boolean) => {
    if (node.nodeType === 3) return add(node.textContent ?? '', underline, highlight);
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'br') return add('\n', underline, highlight);
    node.childNodes.forEach((c) => visit(c, underline || tag === 'u', highlight || tag === 'mark'));
  };
  visit(p, false, false);
  return out;
}

/** Paragraphs joined with a blank line, trimmed, their marks shifted to match. */
function joinPassage(paragraphs: Marked[]): { passage: string; marks: CardMarks } {
  let text = '';
  const underline: [number, number][] = [];
  const highlight: [number, number][] = [];
  for (const p of paragraphs) {
    if (text) text += '\n\n';
    const at = text.length;
    text += p.text;
    underline.push(...p.underline.map(([s, e]) => [s + at, e + at] as [number, number]));
    highlight.push(...p.highlight.map(([s, e]) => [s + at, e + at] as [number, number]));
  }
  const lead = text.length - text.trimStart().length;
  const passage = text.trim();
  const shift = (rs: [number, number][]) =>
    rs.map(([s, e]) => [s - lead, e - lead] as [number, number]);
  return {
    passage,
    marks: normalizeMarks(
      { underline: shift(underline), highlight: shift(highlight) },
      passage.length,
    ),
  };
}

/** The most a file's parts may hold once unpacked: a real file of cards is a few MB. */
const MAX_UNPACKED_BYTES = 100_000_000;

/**
 * What a ZIP's central directory says its entries unpack to, or null when
 * the file has no readable directory (then it is no .docx: mammoth says so).
 * Read before unpacking, so a small file that would unpack to gigabytes is
 * refused first.
 */
function unpackedSize(zip: Buffer): number | null {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    total += zip.readUInt32LE(at + 24);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The cards of a .docx file, in order. A file that is not a readable .docx is a 422. */
export async function parseVerbatimDocx(bytes: Uint8Array): Promise<ParsedCard[]> {
  const buffer = Buffer.from(bytes);
  if ((unpackedSize(buffer) ?? 0) > MAX_UNPACKED_BYTES)
    throw new AppError(
      'UNPROCESSABLE',
      'This file unpacks to more than 100 MB, too much for a file of cards.',
    );
  let html: string;
  try {
    ({ html } = await readOffThread<{ html: string }>(
      PROGRAM,
      { bytes: buffer, styleMap: STYLE_MAP },
      BUDGET,
      () =>
        new AppError(
          'UNPROCESSABLE',
          'This file took too long to read, or needed too much memory. Split it into smaller files and try again.',
        ),
    ));
  } catch (error) {
    if (!(error instanceof WorkerFailure) || error.kind !== FILE_FAULT) throw error;
    throw new AppError(
      'UNPROCESSABLE',
      'This file could not be read as a Word document (.docx). Save it from Word as .docx and try again.',
    );
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const cards: ParsedCard[] = [];
  const where = { pocket: '', hat: '', block: '' };
  let open: { tag: string; paragraphs: Element[] } | null = null;
  const close = () => {
    if (!open) return;
    const [first, ...rest] = open.paragraphs;
    // The first paragraph is the cite when a passage follows it or it holds a styled cite.
    const hasCite = !!first && (rest.length > 0 || !!first.querySelector('span.cite'));
    const body = hasCite ? rest : open.paragraphs;
    const { passage, marks } = joinPassage(body.map(readParagraph));
    if (passage) {
      const citeParagraph = hasCite ? clean(first.textContent) : '';
      const cited = hasCite
        ? clean([...first.querySelectorAll('span.cite')].map((s) => s.textContent).join(''))
        : '';
      const citeShort = cited || (hasCite ? clean(first.querySelector('strong')?.textContent) : '');
      const citeFull =
        citeShort && citeParagraph.startsWith(citeShort)
          ? citeParagraph.slice(citeShort.length).trim()
          : citeParagraph;
      cards.push({ tag: open.tag, citeShort, citeFull, citeParagraph, passage, marks, ...where });
    }
    open = null;
  };
  for (const element of [...document.body.children]) {
    const name = element.tagName.toLowerCase();
    const text = clean(element.textContent);
    if (/^h[1-4]$/.test(name)) {
      close();
      if (name === 'h1') Object.assign(where, { pocket: text, hat: '', block: '' });
      if (name === 'h2') Object.assign(where, { hat: text, block: '' });
      if (name === 'h3') where.block = text;
      if (name === 'h4' && text) open = { tag: text, paragraphs: [] };
    } else if (open && !element.classList.contains('undertag')) {
      open.paragraphs.push(element);
    }
  }
  close();
  return cards;
}
