import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote, createAnchor, resolveAnchor, segmentText } from '@/lib/domain/anchor';

const TEXT = 'The CSTO refused. Later, the CSTO refused again. Armenia asked for help in 2020.';

describe('anchors', () => {
  it('keeps the exact quote, up to 32 characters of context each side, and its offsets', () => {
    const start = TEXT.indexOf('Armenia asked');
    const anchor = anchorQuote('s1', TEXT, 'Armenia asked for help');
    expect(anchor).toEqual({
      sourceId: 's1',
      exact: 'Armenia asked for help',
      prefix: ' Later, the CSTO refused again. ',
      suffix: ' in 2020.',
      start,
      end: start + 'Armenia asked for help'.length,
    });
    expect(anchor.prefix).toHaveLength(32);
  });

  it('refuses a quote that is missing or ambiguous', () => {
    expect(() => anchorQuote('s1', TEXT, 'NATO')).toThrow(/not found/);
    expect(() => anchorQuote('s1', TEXT, 'the CSTO refused')).not.toThrow();
    expect(() => anchorQuote('s1', TEXT, 'CSTO refused')).toThrow(/more than once/);
  });

  it('resolves at its offsets while the text is unchanged', () => {
    const anchor = anchorQuote('s1', TEXT, 'Armenia asked for help');
    expect(resolveAnchor(TEXT, anchor)).toEqual({
      status: 'exact',
      start: anchor.start,
      end: anchor.end,
    });
  });

  it('follows its quote when text is inserted before it', () => {
    const anchor = anchorQuote('s1', TEXT, 'Armenia asked for help');
    const edited = `Editor's note: updated. ${TEXT}`;
    expect(resolveAnchor(edited, anchor)).toEqual({
      status: 'moved',
      start: anchor.start + 24,
      end: anchor.end + 24,
    });
  });

  it('uses the context to pick the right one of two identical passages', () => {
    const second = TEXT.indexOf('CSTO refused again');
    const anchor = createAnchor('s1', TEXT, second, second + 'CSTO refused'.length);
    const edited = `Preface. ${TEXT}`;
    const found = resolveAnchor(edited, anchor);
    expect(found).toEqual({
      status: 'moved',
      start: second + 9,
      end: second + 9 + 'CSTO refused'.length,
    });
  });

  it('reports an anchor whose quote was deleted as orphaned instead of pointing elsewhere', () => {
    const anchor = anchorQuote('s1', TEXT, 'Armenia asked for help');
    expect(
      resolveAnchor(TEXT.replace('Armenia asked for help', 'Armenia did not ask'), anchor),
    ).toEqual({ status: 'orphaned' });
  });

  it('rejects empty and out-of-range spans', () => {
    expect(() => createAnchor('s1', TEXT, 5, 5)).toThrow(RangeError);
    expect(() => createAnchor('s1', TEXT, -1, 3)).toThrow(RangeError);
    expect(() => createAnchor('s1', TEXT, 3, TEXT.length + 1)).toThrow(RangeError);
  });

  it('any span of any text resolves exactly where it was made', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const anchor = createAnchor('s', text, start, end);
        expect(resolveAnchor(text, anchor)).toEqual({ status: 'exact', start, end });
      }),
    );
  });

  it('a span survives any insertion before it, landing on the same passage', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 100 }),
        fc.string({ maxLength: 50 }),
        (quote, inserted) => {
          const text = `«${quote}»`;
          const anchor = createAnchor('s', text, 1, 1 + quote.length);
          const edited = inserted + text;
          const found = resolveAnchor(edited, anchor);
          expect(found.status).not.toBe('orphaned');
          if (found.status !== 'orphaned') expect(edited.slice(found.start, found.end)).toBe(quote);
        },
      ),
    );
  });
});

describe('segmentText', () => {
  it('cuts overlapping highlights into segments that list every span covering them', () => {
    const segments = segmentText('abcdefghij', [
      { id: 'x', start: 2, end: 6 },
      { id: 'y', start: 4, end: 8 },
    ]);
    expect(segments.map((s) => [s.text, s.ids])).toEqual([
      ['ab', []],
      ['cd', ['x']],
      ['ef', ['x', 'y']],
      ['gh', ['y']],
      ['ij', []],
    ]);
  });

  it('always reassembles the original text, whatever the spans', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.array(
          fc.record({
            id: fc.string({ minLength: 1, maxLength: 3 }),
            start: fc.integer({ min: -5, max: 130 }),
            end: fc.integer({ min: -5, max: 130 }),
          }),
          { maxLength: 8 },
        ),
        (text, spans) => {
          const segments = segmentText(text, spans);
          expect(segments.map((s) => s.text).join('')).toBe(text);
          for (const seg of segments) expect(seg.end).toBeGreaterThan(seg.start);
        },
      ),
    );
  });
});
