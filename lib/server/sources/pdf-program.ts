/**
 * The PDF worker's program (plain JavaScript, evaluated in the worker; see
 * off-thread.ts): pdf.js's Node build reads the file and posts, per page,
 * its text items as [text, ends a line, x, y, width, height], with the
 * document's info dictionary, XMP title and creators, and page labels.
 * Assembling lines and paragraphs from the items is done by the caller
 * (pdf-lines.ts), where it is typed and tested. Nothing is fetched: fonts
 * and character maps come from pdf.js's own folder, eval and font loading
 * are off.
 *
 * workerData: { bytes: Uint8Array, maxPages: number, maxChars: number }.
 * Stops at maxPages (answers { pageCount } only) and once the text read
 * passes maxChars (answers with `cut: true`).
 */
export const PDF_PROGRAM_BODY = `
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjs = await import(pathToFileURL(path.join(root, 'legacy/build/pdf.mjs')).href);
const { bytes, maxPages, maxChars } = workerData;
const doc = await pdfjs.getDocument({
  data: bytes,
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  enableXfa: false,
  cMapUrl: path.join(root, 'cmaps') + path.sep,
  cMapPacked: true,
  standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
  verbosity: 0,
}).promise.catch(fileFault);
const pageCount = doc.numPages;
if (pageCount > maxPages) return { pageCount, pages: [], cut: false };
const text = (value) => (typeof value === 'string' ? value : '');
const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
const creators = metadata && metadata.get('dc:creator');
const meta = {
  title: text(info && info.Title),
  author: text(info && info.Author),
  created: text(info && info.CreationDate),
  xmpTitle: text(metadata && metadata.get('dc:title')),
  xmpCreators: Array.isArray(creators) ? creators.filter((c) => typeof c === 'string') : text(creators) ? [creators] : [],
};
const labels = await doc.getPageLabels().catch(() => null);
const pages = [];
let chars = 0;
let cut = false;
for (let n = 1; n <= pageCount; n++) {
  const page = await doc.getPage(n).catch(fileFault);
  const content = await page.getTextContent().catch(fileFault);
  const items = [];
  for (const item of content.items) {
    if (typeof item.str !== 'string') continue;
    const t = item.transform || [1, 0, 0, 1, 0, 0];
    items.push([item.str, Boolean(item.hasEOL), t[4], t[5], item.width || 0, item.height || Math.abs(t[3]) || 0]);
    chars += item.str.length;
  }
  pages.push(items);
  page.cleanup();
  if (chars > maxChars) { cut = true; break; }
}
await doc.destroy();
return { pageCount, meta, labels: Array.isArray(labels) ? labels.map(String) : [], pages, cut };
`;
