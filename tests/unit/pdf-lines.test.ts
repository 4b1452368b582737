import { describe, expect, it } from 'vitest';
import { pdfPageText, type PdfTextItem } from '@/lib/server/sources/pdf-lines';

/** Lines of 12-point text, one item per line, 14 points apart (a paragraph gap where a line is null). */
function page(lines: (string | null)[]): PdfTextItem[] {
  let y = 700;
  const items: PdfTextItem[] = [];
  for (const line of lines) {
    if (line === null) {
      y -= 14;
      continue;
    }
    items.push([line, true, 72, y, line.length * 6, 12]);
    y -= 14;
  }
  return items;
}

describe('pdfPageText', () => {
  it("flows a paragraph's lines into one, joining a word hyphenated at a line end when letters stand on both sides", () => {
    expect(pdfPageText(page(['the nego-', 'tiation of terms']))).toBe('the negotiation of terms');
    expect(pdfPageText(page(['a soft hyphen: nego\u00ad', 'tiation']))).toBe(
      'a soft hyphen: negotiation',
    );
  });

  it('keeps a hyphen before a capital or a digit, and one in the middle of a line', () => {
    expect(pdfPageText(page(['Anglo-', 'Saxon law']))).toBe('Anglo-Saxon law');
    expect(pdfPageText(page(['COVID-', '19 cases']))).toBe('COVID-19 cases');
    expect(pdfPageText(page(['second-hand goods', 'sold']))).toBe('second-hand goods sold');
  });

  it('starts a paragraph after a taller gap, and not after a line', () => {
    expect(pdfPageText(page(['First line', 'second line', null, 'New paragraph']))).toBe(
      'First line second line\n\nNew paragraph',
    );
  });

  it('puts a space between runs set apart on a line, and collapses runs of spaces', () => {
    const items: PdfTextItem[] = [
      ['Word', false, 72, 700, 24, 12],
      ['next', false, 100, 700, 24, 12],
      ['  and   more', true, 124, 700, 60, 12],
    ];
    expect(pdfPageText(items)).toBe('Word next and more');
  });

  it('ends a line where the baseline moves even without an end-of-line mark', () => {
    const items: PdfTextItem[] = [
      ['Top line', false, 72, 700, 48, 12],
      ['Lower line', false, 72, 686, 60, 12],
    ];
    expect(pdfPageText(items)).toBe('Top line Lower line');
  });

  it('keeps a superscript on its line', () => {
    const items: PdfTextItem[] = [
      ['Footnoted', false, 72, 700, 54, 12],
      ['1', false, 126, 704, 4, 7],
      [' claim', true, 130, 700, 36, 12],
    ];
    expect(pdfPageText(items)).toBe('Footnoted1 claim');
  });
});
