import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileText } from '@/lib/domain/file-kind';
import { pngImage } from '../support/binary-files';

const FORMATS = 'not a Counterpoint backup, AIF, Argdown or Kialo file.';
const fixture = (dir: string, name: string) =>
  readFileSync(path.join(import.meta.dirname, '../fixtures', dir, name));
const refusal = (bytes: Uint8Array) => {
  const read = readFileText(bytes);
  return read.ok ? `accepted: ${read.text.slice(0, 40)}` : read.message;
};

describe('telling text from other files before import', () => {
  it('names common binary files by their magic number', () => {
    expect(refusal(pngImage())).toBe(`This is a PNG image, ${FORMATS}`);
    expect(refusal(readFileSync('/bin/true'))).toBe(
      `This is a program (ELF executable), ${FORMATS}`,
    );
    expect(refusal(fixture('sources', 'report.pdf'))).toBe(`This is a PDF document, ${FORMATS}`);
    expect(refusal(fixture('sources', 'essay.docx'))).toBe(
      `This is a Word document (.docx), ${FORMATS}`,
    );
    const named: [number[], string][] = [
      [[0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'a JPEG image'],
      [[...Buffer.from('GIF89a'), 1, 0, 1, 0], 'a GIF image'],
      [[0x1f, 0x8b, 8, 0, 0, 0], 'a gzip archive'],
      [[0x50, 0x4b, 3, 4, 20, 0, 0, 0], 'a ZIP archive'],
    ];
    for (const [bytes, name] of named)
      expect(refusal(new Uint8Array(bytes))).toBe(`This is ${name}, ${FORMATS}`);
  });

  it('refuses NUL bytes, UTF-16, bytes that are not UTF-8 and text full of control characters, naming the line', () => {
    expect(refusal(Buffer.from('Discussion Title: x\n1. a\0b'))).toBe(
      `This is a binary file (it holds a NUL byte at line 2), ${FORMATS}`,
    );
    expect(refusal(Buffer.from('\uFEFFhello', 'utf16le'))).toMatch(/^This file is UTF-16 text/);
    expect(refusal(Buffer.from('[Claim]: caf\xe9 au lait\n', 'latin1'))).toBe(
      `This file is not UTF-8 text (line 1 holds a byte that is not UTF-8), so it is ${FORMATS.slice(0, -1)}. If it is text in another encoding, save it as UTF-8.`,
    );
    expect(refusal(Buffer.from('abc\x01\x02\x03\x04 and more'))).toBe(
      `This looks like binary data (4 of its 16 characters are control characters), ${FORMATS}`,
    );
  });

  it('refuses 64 KiB of random bytes', () => {
    expect(readFileText(randomBytes(64 * 1024)).ok).toBe(false);
  });

  it('never accepts random bytes as text (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 2048 }), (bytes) => {
        expect(readFileText(bytes).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts any UTF-8 text of printable characters, as it is (property)', () => {
    const printable = fc
      .integer({ min: 0x20, max: 0x10ffff })
      .map((code) => String.fromCodePoint(code))
      .filter((c) => !/[\p{Cc}\p{Cs}]/u.test(c));
    const character = fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\t', ' ') },
      { weight: 6, arbitrary: printable },
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 300 }), (chars) => {
        const text = chars.join('');
        const read = readFileText(new TextEncoder().encode(text));
        expect(read).toEqual({ ok: true, text: text.replace(/^\uFEFF/, '') });
      }),
      { numRuns: 500 },
    );
  });

  it('accepts the real files the importer reads, and drops a UTF-8 byte order mark', () => {
    for (const [dir, name] of [
      ['argdown', 'legalisation-softdrugs.argdown'],
      ['aif', 'ova3-rebut-undercut.json'],
      ['kialo', 'school-phone-ban.txt'],
    ] as const)
      expect(readFileText(fixture(dir, name))).toEqual({
        ok: true,
        text: fixture(dir, name).toString('utf8'),
      });
    expect(readFileText(Buffer.from('\uFEFF[A]: b'))).toEqual({ ok: true, text: '[A]: b' });
    expect(readFileText(new Uint8Array())).toEqual({ ok: true, text: '' });
  });
});
