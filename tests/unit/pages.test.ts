import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageAt, pageRange } from '@/lib/domain/evidence/pages';

const book = { pageStarts: [0, 10, 25], pageLabels: [] };
const labelled = { pageStarts: [0, 10, 25], pageLabels: ['xi', 'xii', '1'] };

describe('pageAt', () => {
  it('numbers pages 1, 2, 3… when the PDF gave no labels', () => {
    expect(pageAt(book, 0)).toBe('1');
    expect(pageAt(book, 9)).toBe('1');
    expect(pageAt(book, 10)).toBe('2');
    expect(pageAt(book, 24)).toBe('2');
    expect(pageAt(book, 25)).toBe('3');
    expect(pageAt(book, 1000)).toBe('3');
  });

  it('uses the printed labels when there are some', () => {
    expect(pageAt(labelled, 3)).toBe('xi');
    expect(pageAt(labelled, 30)).toBe('1');
  });

  it('is null for a source without pages', () => {
    expect(pageAt({ pageStarts: [], pageLabels: [] }, 5)).toBeNull();
  });

  it('skips a page with no text: it starts where the next page does', () => {
    const withBlank = { pageStarts: [0, 10, 10], pageLabels: [] };
    expect(pageAt(withBlank, 10)).toBe('3');
    expect(pageAt(withBlank, 9)).toBe('1');
  });

  it('maps every offset to the page with the greatest start at or before it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(500), { minLength: 1, maxLength: 30 }),
        fc.nat(600),
        (gaps, offset) => {
          const pageStarts: number[] = [];
          let at = 0;
          for (const [i, gap] of gaps.entries()) {
            at += i === 0 ? 0 : gap;
            pageStarts.push(at);
          }
          const source = { pageStarts, pageLabels: pageStarts.map((_, i) => `p${i}`) };
          let expected = 0;
          for (const [i, start] of pageStarts.entries()) if (start <= offset) expected = i;
          expect(pageAt(source, offset)).toBe(`p${expected}`);
        },
      ),
    );
  });
});

describe('pageRange', () => {
  it('gives one page for a passage on one page', () => {
    expect(pageRange(book, 11, 20)).toBe('2');
    expect(pageRange(book, 11, 25)).toBe('2');
  });

  it('gives both ends, with an en dash, for a passage across pages', () => {
    expect(pageRange(book, 5, 12)).toBe('1–2');
    expect(pageRange(labelled, 5, 30)).toBe('xi–1');
  });

  it('is null for a source without pages', () => {
    expect(pageRange({ pageStarts: [], pageLabels: [] }, 0, 4)).toBeNull();
  });
});
