/**
 * The ZIP worker's program (plain JavaScript, evaluated in the worker; see
 * off-thread.ts): tells a Word document from other ZIP files (spreadsheets,
 * presentations, OpenDocument, e-books) and, for a Word document, reads its
 * text with mammoth and its core properties (docProps/core.xml) through
 * mammoth's own ZIP reader. Unzipping runs here because a small ZIP can
 * inflate to gigabytes: the worker's memory limit stops it.
 *
 * workerData: { bytes: Uint8Array }. Answers { kind } for a ZIP that is not
 * a Word document, { kind: 'docx', text, core } for one.
 */
export const DOCX_PROGRAM_BODY = `
const mammoth = require('mammoth');
const zipfile = require('mammoth/lib/zipfile');
const { bytes } = workerData;
const zip = await zipfile.openArrayBuffer(bytes).catch(fileFault);
if (!zip.exists('word/document.xml')) {
  const mimetype = zip.exists('mimetype') ? (await zip.read('mimetype', 'utf-8').catch(fileFault)).trim() : '';
  const kind = zip.exists('xl/workbook.xml') ? 'xlsx'
    : zip.exists('ppt/presentation.xml') ? 'pptx'
    : mimetype === 'application/epub+zip' ? 'epub'
    : mimetype.startsWith('application/vnd.oasis.opendocument.') ? 'odf'
    : 'zip';
  return { kind };
}
const core = zip.exists('docProps/core.xml') ? await zip.read('docProps/core.xml', 'utf-8').catch(fileFault) : '';
const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }).catch(fileFault);
return { kind: 'docx', text: value, core };
`;
