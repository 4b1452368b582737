import 'server-only';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  TextRun,
  UnderlineType,
  type IParagraphStyleOptions,
} from 'docx';
import type { CardMarks } from '../../domain/evidence/card';
import { cardSegments } from '../../domain/evidence/card-segments';

/**
 * Word files in the shape the Verbatim debate template gives them, so
 * debaters can open, print, cut from and paste into them as they do their
 * own: Heading 1 to 4 are Pocket, Hat, Block and Tag (Word's own heading
 * ids, so the navigation pane lists them); a card is a tag, a cite
 * paragraph (the short cite in the Cite style) and the passage, whose
 * underlined words carry the Style Underline character style, whose
 * highlighted words a yellow highlight, and whose other words are small.
 */

/** One card as Word shows it. `citeFull` is what follows the short cite in the cite paragraph. */
export type CardDoc = {
  tag: string;
  citeShort: string;
  citeFull: string;
  passage: string;
  /** Null for evidence nobody cut yet: its passage is printed whole, at reading size. */
  marks: CardMarks | null;
};

export type VerbatimItem =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  /** A tag with its cite and passage. */
  | { kind: 'card'; card: CardDoc }
  /** A cite and passage under a heading of its own (the brief's quotes). */
  | { kind: 'quote'; card: CardDoc }
  /** A line of plain text (a note such as "No answer yet"). */
  | { kind: 'text'; text: string };

export type VerbatimFile = {
  /** The title page: a title, then lines such as the motion, the side and the date. */
  title: string;
  lines: string[];
  items: VerbatimItem[];
};

/** Character style ids, as Verbatim names them. */
const UNDERLINE_STYLE = 'StyleUnderline';
const CITE_STYLE = 'Style13ptBold';
const EMPHASIS_STYLE = 'Emphasis';

/** Half-points, as Word counts type sizes. */
const SMALL = 16;
const READ = 22;
const CITE = 26;

const heading = (
  level: 1 | 2 | 3 | 4,
  name: string,
  size: number,
  extra: Partial<IParagraphStyleOptions> = {},
): IParagraphStyleOptions => ({
  id: `Heading${level}`,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  ...extra,
  run: { bold: true, size, ...extra.run },
  paragraph: {
    keepNext: true,
    keepLines: true,
    outlineLevel: level - 1,
    spacing: { before: 240, after: 60 },
    ...extra.paragraph,
  },
});

const box = { style: BorderStyle.SINGLE, size: 24, space: 1, color: 'auto' } as const;

const STYLES = {
  default: { document: { run: { font: 'Calibri', size: READ } } },
  paragraphStyles: [
    heading(1, 'Pocket', 52, {
      paragraph: {
        alignment: AlignmentType.CENTER,
        border: { top: box, bottom: box, left: box, right: box },
      },
    }),
    heading(2, 'Hat', 44, {
      run: { underline: { type: UnderlineType.DOUBLE } },
      paragraph: { alignment: AlignmentType.CENTER },
    }),
    heading(3, 'Block', 32, {
      run: { underline: { type: UnderlineType.SINGLE } },
      paragraph: { alignment: AlignmentType.CENTER },
    }),
    heading(4, 'Tag', 26),
  ],
  characterStyles: [
    {
      id: CITE_STYLE,
      name: 'Cite',
      basedOn: 'DefaultParagraphFont',
      quickFormat: true,
      run: { bold: true, size: CITE },
    },
    {
      id: UNDERLINE_STYLE,
      name: 'Style Underline',
      basedOn: 'DefaultParagraphFont',
      quickFormat: true,
      run: { size: READ, underline: { type: UnderlineType.SINGLE } },
    },
    {
      id: EMPHASIS_STYLE,
      name: 'Emphasis',
      basedOn: 'DefaultParagraphFont',
      quickFormat: true,
      run: {
        bold: true,
        size: READ,
        underline: { type: UnderlineType.SINGLE },
        border: { style: BorderStyle.SINGLE, size: 8, space: 0, color: 'auto' },
      },
    },
  ],
};

/** Runs of `text` in one format, a line break before each line after the first. */
function runs(text: string, format: Omit<ConstructorParameters<typeof TextRun>[0], string>) {
  return text
    .split('\n')
    .map((line, i) => new TextRun({ ...(format as object), text: line, break: i > 0 ? 1 : 0 }));
}

function passageParagraph(card: CardDoc): Paragraph {
  if (!card.marks) return new Paragraph({ children: runs(card.passage, {}) });
  return new Paragraph({
    children: cardSegments(card.passage, card.marks).flatMap((s) =>
      runs(s.text, {
        ...(s.underline ? { style: UNDERLINE_STYLE } : { size: SMALL }),
        ...(s.highlight && { highlight: 'yellow' }),
      }),
    ),
  });
}

function paragraphsOf(item: VerbatimItem): Paragraph[] {
  switch (item.kind) {
    case 'heading':
      return [new Paragraph({ style: `Heading${item.level}`, children: runs(item.text, {}) })];
    case 'text':
      return [new Paragraph({ children: runs(item.text, { italics: true }) })];
    case 'card':
      return [
        new Paragraph({ style: 'Heading4', children: runs(item.card.tag, {}) }),
        ...paragraphsOf({ kind: 'quote', card: item.card }),
      ];
    case 'quote':
      return [
        new Paragraph({
          children: [
            new TextRun({ text: item.card.citeShort, style: CITE_STYLE }),
            ...(item.card.citeFull ? [new TextRun({ text: ` ${item.card.citeFull}` })] : []),
          ],
        }),
        passageParagraph(item.card),
      ];
  }
}

/** The file as .docx bytes. */
export async function verbatimDocx(file: VerbatimFile): Promise<Buffer> {
  const doc = new Document({
    creator: 'Counterpoint',
    title: file.title,
    styles: STYLES,
    sections: [
      {
        children: [
          new Paragraph({ style: 'Title', children: [new TextRun(file.title)] }),
          ...file.lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
          ...file.items.flatMap(paragraphsOf),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
