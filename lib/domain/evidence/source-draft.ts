/**
 * What reading a file gives before a person reviews it: the extracted text
 * with its pages, and the metadata the file carried. Shown in the review
 * form, corrected there, then saved as a source (whose text is then fixed).
 */
export const SOURCE_FORMATS = ['TEXT', 'MARKDOWN', 'PDF', 'DOCX', 'HTML'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export type SourceDraft = {
  format: SourceFormat;
  /** The uploaded file's name; null for pasted text or HTML. */
  fileName: string | null;
  /** Plain text, lines joined with \n, paragraphs with a blank line, trimmed. */
  text: string;
  /** Where each page begins in `text` (PDF): ascending, the first 0. [] when the source has no pages. */
  pageStarts: number[];
  /** The printed label of each page, same length as pageStarts; [] means 1, 2, 3…. */
  pageLabels: string[];
  title: string;
  /** Authors separated by semicolons; '' when the file names none. */
  author: string;
  publisher: string;
  /** YYYY-MM-DD, or null. */
  publishedOn: string | null;
  url: string | null;
  /** What the reader should check: pages without text, a cut-off text, and so on. */
  warnings: string[];
};

/**
 * What a batch of kind 'source' logs, and open pages hear: a source added,
 * its details changed, or removed (open pages fetch the list again).
 */
export type SourceChange = {
  type: 'addSource' | 'updateSource' | 'removeSource';
  id: string;
  title: string;
};
