import 'server-only';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { calendarDate, titleFromFileName, type ReadText } from './draft';

/**
 * A web page's main text with Readability on a linkedom DOM: nothing on the
 * page is run or fetched (no scripts, images or styles), and navigation,
 * footers and banners are left out. Each block (paragraph, heading, list
 * item, quotation, table row) is a paragraph of its own, separated by a
 * blank line; a <br> is a line break. When Readability finds no article
 * (or one too short to trust), the page's body is read instead, without its
 * navigation, header, footer, asides and cookie banners.
 */

/** Elements that start and end a block of text. */
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY THEAD TFOOT TR UL'.split(
    ' ',
  ),
);
/** Elements whose text is never the page's text. */
const SKIPPED = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE SVG CANVAS IFRAME OBJECT BUTTON SELECT TEXTAREA'.split(' '),
);
/** Left out of the body when Readability finds no article. */
const CHROME = [
  'nav, header, footer, aside, dialog, [hidden], [aria-hidden="true"]',
  '[role="navigation"], [role="banner"], [role="contentinfo"], [role="dialog"]',
  '[class*="cookie" i], [id*="cookie" i], [class*="consent" i], [id*="consent" i]',
].join(', ');
/** Readability's own threshold: an article shorter than this is its guess, not a find. */
const ARTICLE_CHARS = 500;

/** The text of `root`: blocks separated by a blank line, white space collapsed outside <pre>. */
function blockText(root: Node): string {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = current
      .split('\n')
      .map((line) => line.replace(/[ \t\f\r]+/g, ' ').trim())
      .join('\n')
      .trim();
    if (text) blocks.push(text);
    current = '';
  };
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      current += pre ? text.replace(/\n/g, '\u2028') : text.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child, pre || tag === 'PRE');
    if (tag === 'TD' || tag === 'TH') current += ' ';
    if (block) flush();
  };
  walk(root, false);
  flush();
  // Lines inside <pre> were kept apart from collapsing as U+2028.
  return blocks.join('\n\n').replace(/\u2028/g, '\n');
}

/** The content of every <meta> named or with property `name` (case as pages write it varies). */
function metaAll(document: Document, name: string): string[] {
  const wanted = name.toLowerCase();
  return Array.from(document.querySelectorAll('meta'))
    .filter(
      (meta) =>
        (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').toLowerCase() === wanted,
    )
    .map((meta) => (meta.getAttribute('content') ?? '').trim())
    .filter(Boolean);
}

/** An absolute http(s) address, or null. */
function webAddress(value: string | null | undefined, base?: string | null): string | null {
  if (!value) return null;
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** "By Jane Doe" → "Jane Doe". */
const bylineName = (byline: string | null | undefined): string =>
  (byline ?? '').replace(/^\s*by\s+/i, '').trim();

/** The main text of `html` and what its <meta> tags and Readability say of it. */
export function readHtml(
  html: string,
  { fileName, url }: { fileName: string | null; url?: string | null },
): ReadText {
  // linkedom builds a document only from a whole page: a pasted fragment is put in one.
  const page = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  const meta = (name: string) => metaAll(document, name)[0] ?? '';
  const given = webAddress(url);
  const canonical =
    webAddress(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), given) ??
    webAddress(meta('og:url'), given);
  const citationAuthors = metaAll(document, 'citation_author');
  const pageTitle = document.querySelector('title')?.textContent?.trim() ?? '';
  // Readability changes the document it reads: the metadata is read first.
  const article = new Readability(document, { serializer: (node) => node }).parse();
  const articleText = article?.content ? blockText(article.content) : '';
  let text = articleText;
  // Below its threshold Readability still answers with its best guess, which
  // on a short page is often the whole page: the page without its chrome is
  // a better guess then.
  if (articleText.length < ARTICLE_CHARS) {
    const { document: fresh } = parseHTML(page);
    fresh.querySelectorAll(CHROME).forEach((element) => element.remove());
    text = (fresh.body ? blockText(fresh.body) : '') || articleText;
  }
  return {
    format: 'HTML',
    fileName,
    pages: [text],
    paged: false,
    pageLabels: [],
    title:
      meta('citation_title') ||
      meta('og:title') ||
      article?.title?.trim() ||
      pageTitle ||
      (fileName ? titleFromFileName(fileName) : ''),
    author: citationAuthors.length
      ? citationAuthors.join('; ')
      : meta('author') || bylineName(article?.byline),
    publisher:
      meta('citation_publisher') ||
      meta('citation_journal_title') ||
      meta('og:site_name') ||
      article?.siteName?.trim() ||
      '',
    publishedOn:
      calendarDate(meta('citation_publication_date')) ??
      calendarDate(meta('citation_date')) ??
      calendarDate(meta('article:published_time')) ??
      calendarDate(article?.publishedTime),
    url: canonical ?? given,
    warnings: [],
  };
}
