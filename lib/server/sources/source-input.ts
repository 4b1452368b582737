import { z } from 'zod';
import { SOURCE_FORMATS } from '../../domain/evidence/source-draft';
import { ZSide } from '../../domain/ops';
import { MAX_SOURCE_CHARS } from '../../domain/types';

/** The most sources one map holds: a unit's reading list, with room to spare. */
export const MAX_SOURCES_PER_MAP = 60;
/** The most pages a source keeps (a long report). */
const MAX_PAGES = 1_000;

const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD')
  .refine((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d;
  }, 'That date does not exist');
const optional = (schema: z.ZodType<string>) =>
  z
    .union([z.literal(''), schema])
    .nullable()
    .default(null)
    .transform((v) => v || null);
const ZUrl = z
  .string()
  .trim()
  .max(2000, 'A web address is at most 2,000 characters')
  .refine((u) => {
    try {
      return ['http:', 'https:'].includes(new URL(u).protocol);
    } catch {
      return false;
    }
  }, 'A web address starts with http:// or https://');

/** What a person can change about a source once it is saved: everything but its text. */
export const ZSourceDetails = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give the source a title')
    .max(300, 'A source title is at most 300 characters'),
  author: z.string().trim().max(300, 'The authors are at most 300 characters').default(''),
  qualifications: z
    .string()
    .trim()
    .max(500, 'The qualifications are at most 500 characters')
    .default(''),
  publisher: z.string().trim().max(200, 'The publisher is at most 200 characters').default(''),
  publishedOn: optional(ZDate),
  url: optional(ZUrl),
  accessedOn: optional(ZDate),
  side: ZSide.default('NEUTRAL'),
});
export type TSourceDetails = z.output<typeof ZSourceDetails>;

const ZPage = z.object({
  label: z.string().trim().max(20, 'A page label is at most 20 characters'),
  text: z.string().max(MAX_SOURCE_CHARS),
});

/**
 * A source as its reviewer saves it: the details, and the text they
 * checked — whole, or page by page for a PDF, so the pages stay where they
 * were however the text was corrected.
 */
export const ZNewSource = ZSourceDetails.extend({
  format: z.enum(SOURCE_FORMATS),
  fileName: z.string().trim().max(255).nullable().default(null),
  text: z
    .string()
    .max(MAX_SOURCE_CHARS * 2)
    .optional(),
  pages: z
    .array(ZPage)
    .min(1)
    .max(MAX_PAGES, `A source keeps at most ${MAX_PAGES} pages`)
    .optional(),
}).refine((s) => (s.text === undefined) !== (s.pages === undefined), {
  message: 'Send the text, or its pages, but not both',
});

/** Line ends as \n; other control characters (but tab) removed; trimmed. */
function clean(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .normalize('NFC');
}

/**
 * The stored text of a reviewed source, and where its pages begin: pages
 * joined by a blank line, each trimmed; labels kept only when they are not
 * simply 1, 2, 3….
 */
export function assembleText(input: { text?: string; pages?: { label: string; text: string }[] }): {
  text: string;
  pageStarts: number[];
  pageLabels: string[];
} {
  if (input.pages === undefined)
    return { text: clean(input.text ?? '').trim(), pageStarts: [], pageLabels: [] };
  const pageStarts: number[] = [];
  let text = '';
  for (const page of input.pages) {
    const body = clean(page.text).trim();
    if (text && body) text += '\n\n';
    pageStarts.push(text.length);
    text += body;
  }
  const labels = input.pages.map((p) => p.label);
  const plain = labels.every((l, i) => l === '' || l === String(i + 1));
  return { text, pageStarts, pageLabels: plain ? [] : labels.map((l, i) => l || String(i + 1)) };
}
