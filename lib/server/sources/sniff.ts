import 'server-only';
import { notReadable, SAVE_AS } from './refusals';

/**
 * What a file really is, from its first bytes rather than its name: a PDF,
 * a ZIP (a Word document or not: docx.ts looks inside), or text (UTF-8, or
 * UTF-16 with a byte order mark) that is a web page or plain text. Anything
 * else is refused, saying what it seems to be.
 */
export type Sniffed =
  | { kind: 'pdf' }
  | { kind: 'zip' }
  | { kind: 'html'; text: string }
  | { kind: 'text'; text: string };

const startsWith = (bytes: Uint8Array, signature: string, at = 0): boolean =>
  signature.split('').every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** Signatures of files that are surely not a source, with how the refusal names them. */
const NOT_SOURCES: [test: (b: Uint8Array) => boolean, what: string, advice?: string][] = [
  [(b) => startsWith(b, '\x89PNG\r\n\x1a\n'), 'an image'],
  [(b) => startsWith(b, '\xff\xd8\xff'), 'an image'],
  [(b) => startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a'), 'an image'],
  [(b) => startsWith(b, 'RIFF') && startsWith(b, 'WEBP', 8), 'an image'],
  [(b) => startsWith(b, 'II*\x00') || startsWith(b, 'MM\x00*'), 'an image'],
  [(b) => startsWith(b, 'ftyp', 4) && /^(heic|heix|avif|mif1)/.test(ascii(b, 8, 4)), 'an image'],
  [(b) => startsWith(b, 'ftyp', 4), 'a video or audio file'],
  [(b) => startsWith(b, 'ID3') || startsWith(b, 'OggS') || startsWith(b, 'fLaC'), 'an audio file'],
  [(b) => startsWith(b, 'RIFF'), 'a video or audio file'],
  [
    (b) => startsWith(b, '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'),
    'an older Microsoft Office file (.doc, .xls or .ppt)',
    SAVE_AS,
  ],
  [(b) => startsWith(b, '{\\rtf'), 'a Rich Text (.rtf) file', SAVE_AS],
  [
    (b) => startsWith(b, '\x7fELF') || startsWith(b, 'MZ') || startsWith(b, '\xcf\xfa\xed\xfe'),
    'a program',
  ],
  [
    (b) =>
      startsWith(b, '\x1f\x8b') ||
      startsWith(b, '7z\xbc\xaf\x27\x1c') ||
      startsWith(b, 'Rar!') ||
      startsWith(b, 'BZh'),
    'a compressed archive',
    'Unpack it and upload the document inside.',
  ],
  [
    (b) => startsWith(b, '%!PS'),
    'a PostScript file',
    'Save it as a PDF, or paste the text instead.',
  ],
];

const ascii = (bytes: Uint8Array, at: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/** The text of `bytes` when they are UTF-8 (or UTF-16 with a byte order mark) without NUL characters; null otherwise. */
function decodeText(bytes: Uint8Array): string | null {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return text.includes('\u0000') ? null : text;
  } catch {
    return null;
  }
}

/** Comments, a BOM and white space before a page's first tag. */
const HTML_START = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])/i;

export function sniff(fileName: string, bytes: Uint8Array): Sniffed {
  // Readers accept a PDF whose header comes after some junk, within its first kB.
  if (/%PDF-\d\.\d/.test(ascii(bytes, 0, 1024))) return { kind: 'pdf' };
  if (startsWith(bytes, 'PK\x03\x04') || startsWith(bytes, 'PK\x05\x06')) return { kind: 'zip' };
  for (const [test, what, advice] of NOT_SOURCES)
    if (test(bytes)) throw notReadable(fileName, what, advice);
  const text = decodeText(bytes);
  if (text === null)
    throw notReadable(
      fileName,
      null,
      'If it is text in an older encoding, save it as UTF-8 and upload it again, or paste the text instead.',
    );
  const clean = text.replace(/^\ufeff/, '');
  if (/\.x?html?$/i.test(fileName) || HTML_START.test(clean.slice(0, 4096)))
    return { kind: 'html', text: clean };
  return { kind: 'text', text: clean };
}
