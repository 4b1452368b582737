import 'server-only';
import { DOMParser } from 'linkedom';
import { AppError } from '../errors';
import { calendarDate, titleFromFileName, type ReadText } from './draft';
import { DOCX_PROGRAM_BODY } from './docx-program';
import {
  FILE_FAULT,
  readOffThread,
  WorkerFailure,
  workerProgram,
  type ReadBudget,
} from './off-thread';
import { notReadable, SAVE_AS } from './refusals';

const ZIP_BUDGET: ReadBudget = { ms: 20_000, heapMb: 512 };
const PROGRAM = workerProgram(DOCX_PROGRAM_BODY);

type ZipRead =
  { kind: 'xlsx' | 'pptx' | 'epub' | 'odf' | 'zip' } | { kind: 'docx'; text: string; core: string };

const OTHER_ZIPS = {
  xlsx: ['an Excel spreadsheet', 'Copy the text you need and paste it instead.'],
  pptx: ['a PowerPoint presentation', 'Save it as a PDF, or paste the text instead.'],
  epub: ['an e-book (EPUB)', 'Paste the chapters you need instead.'],
  odf: ['an OpenDocument file', SAVE_AS],
  zip: ['a ZIP archive', 'Unzip it and upload the document inside.'],
} as const;

/** The text of an element of docProps/core.xml ("dc:title"), trimmed; '' when absent. */
function coreField(core: ReturnType<DOMParser['parseFromString']> | null, name: string): string {
  return core?.getElementsByTagName(name)[0]?.textContent?.trim() ?? '';
}

/**
 * A ZIP file: a Word document's text, paragraphs (headings and list items
 * included, each its own paragraph) separated by a blank line, with its
 * title, creator and date from the core properties; any other ZIP is
 * refused, saying what it seems to be.
 */
export async function readZip(bytes: Uint8Array, fileName: string): Promise<ReadText> {
  let read: ZipRead;
  try {
    read = await readOffThread<ZipRead>(
      PROGRAM,
      { bytes },
      ZIP_BUDGET,
      () =>
        new AppError(
          'UNPROCESSABLE',
          `“${fileName}” took too long to read, or needed too much memory. Save it again as a smaller file, or paste the text instead.`,
        ),
    );
  } catch (error) {
    if (
      !(error instanceof WorkerFailure) ||
      (error.kind !== FILE_FAULT && error.kind !== 'PasswordException')
    )
      throw error;
    throw new AppError(
      'UNPROCESSABLE',
      `“${fileName}” could not be read: it seems to be damaged or incomplete. Save or download it again, or paste the text instead.`,
    );
  }
  if (read.kind !== 'docx') {
    const [what, advice] = OTHER_ZIPS[read.kind];
    throw notReadable(fileName, what, advice);
  }
  const core = read.core ? new DOMParser().parseFromString(read.core, 'text/xml') : null;
  return {
    format: 'DOCX',
    fileName,
    // mammoth ends every paragraph with a blank line, some with a space before it.
    pages: [read.text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n')],
    paged: false,
    pageLabels: [],
    title: coreField(core, 'dc:title') || titleFromFileName(fileName),
    // Word keeps several authors in one field, separated by semicolons.
    author: coreField(core, 'dc:creator')
      .split(/\s*;\s*/)
      .filter(Boolean)
      .join('; '),
    publisher: '',
    publishedOn:
      calendarDate(coreField(core, 'dcterms:created')) ??
      calendarDate(coreField(core, 'dcterms:modified')),
    url: null,
    warnings: [],
  };
}
