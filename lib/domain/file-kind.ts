/**
 * Telling an uploaded file that is text (a backup, AIF, Argdown or Kialo
 * file) from one that is not, before any reader sees it: a PNG or a program
 * read as Argdown gets Argdown's own puzzled messages about indentation.
 * Pure: bytes in, the decoded text or what the file looks like out.
 */

/** What every refusal names: the formats the importer reads. */
const FORMATS = 'a Counterpoint backup, AIF, Argdown or Kialo file';

/** The share of control characters above which text is taken for binary data. */
const MAX_CONTROL_SHARE = 0.01;

/** How many leading bytes are searched for the parts of an Office or OpenDocument file. */
const ZIP_SNIFF_BYTES = 64 * 1024;

type Signature = {
  name: string;
  bytes: readonly (number | null)[];
  at?: number;
  /** A further check, for signatures short or textual enough to start a real text file. */
  also?: (bytes: Uint8Array) => boolean;
};

const hasNul = (bytes: Uint8Array) => bytes.includes(0);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * Magic numbers of the files people pick by mistake, most specific first.
 * `null` matches any byte.
 */
const SIGNATURES: readonly Signature[] = [
  { name: 'a PNG image', bytes: [0x89, ...ascii('PNG\r\n\x1a\n')] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: ascii('GIF87a') },
  { name: 'a GIF image', bytes: ascii('GIF89a') },
  { name: 'a WebP image', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { name: 'a TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'a BMP image', bytes: [...ascii('BM'), null, null, null, null, 0, 0, 0, 0] },
  { name: 'an icon file', bytes: [0, 0, 1, 0] },
  { name: 'a PDF document', bytes: ascii('%PDF-') },
  {
    name: 'an old Microsoft Office file (.doc, .xls or .ppt)',
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  },
  { name: 'a ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'a ZIP archive', bytes: [0x50, 0x4b, 0x07, 0x08] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'a bzip2 archive', bytes: [...ascii('BZh'), null, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59] },
  { name: 'an xz archive', bytes: [0xfd, ...ascii('7zXZ'), 0x00] },
  { name: 'a 7-Zip archive', bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', bytes: [...ascii('Rar!'), 0x1a, 0x07] },
  { name: 'a tar archive', bytes: ascii('ustar'), at: 257, also: hasNul },
  { name: 'a Zstandard archive', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'a program (ELF executable)', bytes: [0x7f, ...ascii('ELF')] },
  {
    name: 'a program (Windows executable)',
    bytes: ascii('MZ'),
    also: (bytes) => contains(bytes.subarray(0, 1024), 'PE\0\0'),
  },
  { name: 'a program (Mach-O executable)', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'a program (Mach-O executable)', bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { name: 'a program (Java class file)', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { name: 'a WebAssembly module', bytes: [0x00, ...ascii('asm')] },
  { name: 'an SQLite database', bytes: ascii('SQLite format 3\0') },
  { name: 'an MP3 audio file', bytes: [...ascii('ID3'), null, 0x00] },
  { name: 'an Ogg audio or video file', bytes: ascii('OggS') },
  { name: 'a WAV audio file', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WAVE')] },
  { name: 'an MP4 or QuickTime video', bytes: [0x00, null, null, null, ...ascii('ftyp')] },
  { name: 'a Matroska or WebM video', bytes: [0x1a, 0x45, 0xdf, 0xa3] },
  { name: 'a font file', bytes: ascii('wOFF') },
  { name: 'a font file', bytes: ascii('wOF2') },
];

/** The parts inside a ZIP file that say what the archive is. */
const ZIP_KINDS: readonly [string, string][] = [
  ['word/', 'a Word document (.docx)'],
  ['xl/', 'an Excel spreadsheet (.xlsx)'],
  ['ppt/', 'a PowerPoint presentation (.pptx)'],
  ['mimetypeapplication/vnd.oasis.opendocument', 'an OpenDocument file (.odt, .ods or .odp)'],
  ['mimetypeapplication/epub+zip', 'an EPUB e-book'],
];

function matches(bytes: Uint8Array, { bytes: pattern, at = 0, also }: Signature): boolean {
  if (bytes.length < at + pattern.length) return false;
  return pattern.every((b, i) => b === null || bytes[at + i] === b) && (!also || also(bytes));
}

/** Whether `needle` (ASCII) occurs in the first bytes of `bytes`. */
function contains(bytes: Uint8Array, needle: string): boolean {
  const pattern = ascii(needle);
  const end = Math.min(bytes.length, ZIP_SNIFF_BYTES) - pattern.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** What a file with a known magic number is ("a PNG image"), or null. */
function knownKind(bytes: Uint8Array): string | null {
  const signature = SIGNATURES.find((s) => matches(bytes, s));
  if (!signature) return null;
  if (signature.name === 'a ZIP archive')
    return ZIP_KINDS.find(([part]) => contains(bytes, part))?.[1] ?? signature.name;
  return signature.name;
}

/** A control character: C0 other than tab, line feed, form feed and carriage return; DEL; C1. */
const isControl = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
  (code >= 0x7f && code <= 0x9f);

/** The 1-based line that byte `offset` is on. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export type FileText = { ok: true; text: string } | { ok: false; message: string };

/**
 * The text of an uploaded file, or why it is not text: a known binary type
 * by its magic number (named: "This is a PNG image, not …"), UTF-16, NUL
 * bytes, bytes that are not UTF-8, or a high share of control characters.
 * A UTF-8 byte order mark is dropped. An empty file is text (the readers
 * say it is empty).
 */
export function readFileText(bytes: Uint8Array): FileText {
  const refuse = (message: string): FileText => ({ ok: false, message });
  const kind = knownKind(bytes);
  if (kind) return refuse(`This is ${kind}, not ${FORMATS}.`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return refuse(
      `This file is UTF-16 text, not UTF-8: save it as UTF-8 and import it again. Counterpoint reads ${FORMATS}.`,
    );
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    return refuse(
      `This is a binary file (it holds a NUL byte at line ${lineOf(bytes, nul)}), not ${FORMATS}.`,
    );
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== -1)
    return refuse(
      `This file is not UTF-8 text (line ${lineOf(bytes, invalid)} holds a byte that is not UTF-8), so it is not ${FORMATS}. If it is text in another encoding, save it as UTF-8.`,
    );
  let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let controls = 0;
  let characters = 0;
  for (const c of text) {
    characters++;
    if (isControl(c.codePointAt(0)!)) controls++;
  }
  if (controls > 0 && controls > characters * MAX_CONTROL_SHARE)
    return refuse(
      `This looks like binary data (${controls} of its ${characters} characters are control characters), not ${FORMATS}.`,
    );
  return { ok: true, text };
}
