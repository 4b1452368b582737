import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SOFFICE = '/usr/bin/soffice';

/** A word of a printed page and whether it is set on highlighter yellow. */
export type PrintedWord = { page: number; text: string; highlighted: boolean };

/**
 * Opens a Word file the way a teacher's office suite does: LibreOffice
 * (Debian's package) prints it to PDF, poppler reads the words back with
 * where they stand, and each page rendered at 72 dpi (a pixel a point) says
 * which words sit on yellow. Fails, never skips, without LibreOffice.
 */
export async function printWordFile(
  docx: Uint8Array,
): Promise<{ text: string; words: PrintedWord[] }> {
  if (!existsSync(SOFFICE))
    throw new Error(
      'LibreOffice is needed to print Word files: install the Debian packages libreoffice-writer-nogui and poppler-utils.',
    );
  const dir = await mkdtemp(path.join(tmpdir(), 'print-'));
  // A profile of its own: two conversions at once would share one otherwise.
  const profile = await mkdtemp(path.join(tmpdir(), 'lo-'));
  try {
    const file = path.join(dir, 'file.docx');
    await writeFile(file, docx);
    await run(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ],
      { timeout: 120_000 },
    );
    const pdf = path.join(dir, 'file.pdf');
    const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
    const { stdout: boxes } = await run('pdftotext', ['-bbox', pdf, '-']);
    await run('pdftoppm', ['-r', '72', pdf, path.join(dir, 'page')]);
    const pictures = (await readdir(dir)).filter((f) => f.endsWith('.ppm')).sort();
    const words: PrintedWord[] = [];
    const pages = boxes.split('<page ').slice(1);
    for (const [i, page] of pages.entries()) {
      const picture = parsePpm(await readFile(path.join(dir, pictures[i]!)));
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number) as [
          number,
          number,
          number,
          number,
        ];
        words.push({
          page: i + 1,
          text: unescapeXml(m[5]!),
          highlighted: yellowShare(picture, x0, y0, x1, y1) > 0.3,
        });
      }
    }
    return { text, words };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

type Picture = { width: number; height: number; pixels: Buffer };

function parsePpm(ppm: Buffer): Picture {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a P6 picture');
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    pixels: ppm.subarray(header[0].length),
  };
}

/** The share of a box's pixels that are highlighter yellow (bright red and green, little blue). */
function yellowShare(p: Picture, x0: number, y0: number, x1: number, y1: number): number {
  let yellow = 0;
  let all = 0;
  for (let y = Math.floor(y0); y < Math.min(p.height, Math.ceil(y1)); y++)
    for (let x = Math.floor(x0); x < Math.min(p.width, Math.ceil(x1)); x++) {
      const i = (y * p.width + x) * 3;
      all++;
      if (p.pixels[i]! > 200 && p.pixels[i + 1]! > 200 && p.pixels[i + 2]! < 100) yellow++;
    }
  return all ? yellow / all : 0;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
