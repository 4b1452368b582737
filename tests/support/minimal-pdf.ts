import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Small PDFs written by hand, for the source readers' tests: a text PDF
 * with chosen pages, page labels and info dictionary, and a page holding
 * only a picture (a scan without a text layer). Run as a script it wraps a
 * PNG into an image-only PDF (tests/fixtures/sources/make-fixtures.sh):
 *
 *   npx tsx tests/support/minimal-pdf.ts page.png scan.pdf
 */

/** A PDF file from its objects (1-based; the first is the catalog, the last the info dictionary). */
function pdfFile(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(part);
    length += part.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n`,
    `startxref\n${length}\n%%EOF\n`,
  ].join('');
  return Buffer.concat([...parts, Buffer.from(xref, 'latin1')]);
}

const stream = (dictionary: string, data: Buffer): Buffer =>
  Buffer.concat([
    Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);

const pdfString = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

const info = (fields: Record<string, string>) =>
  `<< ${Object.entries(fields)
    .map(([key, value]) => `/${key} ${pdfString(value)}`)
    .join(' ')} >>`;

/**
 * A PDF whose pages hold these lines of Helvetica (an empty page has none);
 * `labels` is the catalog's /PageLabels number tree (`0 << /S /r >> 2 << /S /D >>`),
 * `xmp` an XMP packet for the catalog's /Metadata.
 */
export function textPdf(
  pages: string[][],
  {
    labels,
    fields = {},
    xmp,
  }: { labels?: string; fields?: Record<string, string>; xmp?: string } = {},
): Buffer {
  const font = 3;
  const first = 4; // each page: its page object, then its content stream
  const kids = pages.map((_, i) => `${first + 2 * i} 0 R`).join(' ');
  const objects: (string | Buffer)[] = [
    `<< /Type /Catalog /Pages 2 0 R${labels ? ` /PageLabels << /Nums [${labels}] >>` : ''}${
      xmp ? ` /Metadata ${first + 2 * pages.length} 0 R` : ''
    } >>`,
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  pages.forEach((lines, i) => {
    const content = lines
      .map((line, j) => `BT /F1 12 Tf 72 ${760 - 16 * j} Td ${pdfString(line)} Tj ET`)
      .join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${first + 2 * i + 1} 0 R >>`,
      stream('', Buffer.from(content, 'latin1')),
    );
  });
  if (xmp) objects.push(stream('/Type /Metadata /Subtype /XML', Buffer.from(xmp, 'utf8')));
  objects.push(info(fields));
  return pdfFile(objects);
}

/** A one-page PDF showing an 8-bit greyscale or RGB PNG over an A4 page, and nothing else. */
export function imagePdf(png: Buffer, fields: Record<string, string> = {}): Buffer {
  if (png.readUInt32BE(12) !== 0x49484452) throw new Error('not a PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colors = png[25] === 0 ? 1 : png[25] === 2 ? 3 : 0;
  if (png[24] !== 8 || !colors || png[28] !== 0)
    throw new Error('the PNG must be 8-bit greyscale or RGB, not interlaced');
  // The PNG's IDAT chunks are one zlib stream with PNG predictors: PDF reads it as it is.
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const size = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT')
      idat.push(png.subarray(at + 8, at + 8 + size));
    at += 12 + size;
  }
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
    stream(
      `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /Device${colors === 1 ? 'Gray' : 'RGB'} /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${colors} /BitsPerComponent 8 /Columns ${width} >>`,
      Buffer.concat(idat),
    ),
    stream('', Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q', 'latin1')),
    info(fields),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [png, out] = process.argv.slice(2);
  if (!png || !out) throw new Error('usage: minimal-pdf.ts page.png scan.pdf');
  writeFileSync(
    out,
    imagePdf(readFileSync(png), { Title: 'Scanned page', Producer: 'minimal-pdf.ts' }),
  );
}
