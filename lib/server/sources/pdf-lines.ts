/**
 * A PDF page's text from pdf.js's text items: items are runs of text placed
 * on the page, in reading order as the file stores them. Lines end where
 * pdf.js says (hasEOL) or where the baseline moves; a gap between runs on a
 * line becomes a space; a taller gap between lines than the font's line
 * spacing, or a change of font size (a heading), starts a paragraph (a
 * blank line). A word hyphenated at a line end
 * ("nego-" / "tiation") is joined when a letter comes before the hyphen and
 * a lowercase letter after it; runs of spaces become one.
 */

/** One text item: [text, ends a line, x, y, width, height] (PDF units, y upwards). */
export type PdfTextItem = [string, boolean, number, number, number, number];

type Line = { text: string; y: number; height: number };

/** Baseline moves smaller than this share of the font's height stay on the line (sub- and superscripts). */
const SAME_LINE = 0.6;
/** A gap between runs wider than this share of the font's height is a space. */
const WORD_GAP = 0.2;
/** A step between baselines taller than this many font heights starts a paragraph. */
const PARAGRAPH_STEP = 1.5;
/** A line whose font is bigger or smaller by this share (a heading) is a paragraph of its own. */
const NEW_SIZE = 0.2;

function linesOf(items: readonly PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let endX = 0;
  const close = () => {
    if (current && current.text.trim()) lines.push(current);
    current = null;
  };
  for (const [str, eol, x, y, width, height] of items) {
    if (current) {
      const size = Math.max(current.height, height, 1);
      if (str && Math.abs(y - current.y) > SAME_LINE * size) close();
      else if (str && x - endX > WORD_GAP * size && !/\s$/.test(current.text) && !/^\s/.test(str))
        current.text += ' ';
    }
    if (str) {
      current ??= { text: '', y, height };
      current.text += str;
      current.height = Math.max(current.height, height);
      endX = x + width;
    }
    if (eol) close();
  }
  close();
  return lines.map((line) => ({ ...line, text: line.text.replace(/[ \u00a0]{2,}/g, ' ').trim() }));
}

const HYPHEN_END = /(\p{L})[-\u00ad\u2010]$/u;
const WORD_START = /^(\p{Ll}[\p{L}\p{M}]*)(\S*)\s*/u;

/** Joins "nego-" at a line's end with "tiation of" on the next: "negotiation" / "of". */
function joinHyphenated(lines: string[]): string[] {
  const out: string[] = [];
  for (let line of lines) {
    const previous = out[out.length - 1];
    const start = WORD_START.exec(line);
    if (previous !== undefined && HYPHEN_END.test(previous) && start) {
      out[out.length - 1] = previous.slice(0, -1) + start[1] + start[2];
      line = line.slice(start[0].length);
      if (!line) continue;
    }
    out.push(line);
  }
  return out;
}

/**
 * A paragraph's lines as one line of prose, the way it reads: a PDF breaks
 * lines where its column ends, not where the sentence does, and a quote
 * across a line end must read as the sentence. A line ending in a kept
 * hyphen ("Anglo-") runs straight on.
 */
function flow(lines: string[]): string {
  return joinHyphenated(lines).reduce(
    (text, line) => (!text ? line : text.endsWith('-') ? text + line : `${text} ${line}`),
    '',
  );
}

/** The page's text: a paragraph's lines flowed into one, paragraphs apart by a blank line. */
export function pdfPageText(items: readonly PdfTextItem[]): string {
  const lines = linesOf(items);
  const paragraphs: Line[][] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    const step = previous ? previous.y - line.y : 0;
    const size = Math.max(Math.min(line.height, previous?.height ?? line.height), 1);
    if (
      !previous ||
      step > PARAGRAPH_STEP * size ||
      step < -SAME_LINE * size ||
      Math.abs(line.height - previous.height) > NEW_SIZE * size
    )
      paragraphs.push([line]);
    else paragraphs[paragraphs.length - 1]!.push(line);
    previous = line;
  }
  return paragraphs.map((paragraph) => flow(paragraph.map((line) => line.text))).join('\n\n');
}
