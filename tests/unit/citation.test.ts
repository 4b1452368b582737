import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageLocator, parseAuthors } from '@/lib/domain/evidence/citation-parts';
import {
  CITATION_STYLES,
  citationSegments,
  debateCite,
  formatCitation,
  type CitationStyle,
  type CitedSource,
} from '@/lib/domain/evidence/citation';
import { sourceLabel } from '@/lib/client/to-flow';
import { DEMO_SOURCES } from '@/prisma/seed/demo-map';

// The two demo articles as the seed stores them (prisma/seed/demo-map.ts).
const turchenko: CitedSource = { ...DEMO_SOURCES.turchenko, accessedOn: null };
const strakes: CitedSource = { ...DEMO_SOURCES.strakes, accessedOn: null };
const TURCHENKO_URL =
  'https://www.themoscowtimes.com/2023/09/21/nagorno-karabakh-shows-russia-has-no-credibility-as-a-regional-peacekeeper-a82531';
const TURCHENKO_TITLE =
  'Nagorno-Karabakh Shows Russia Has No Credibility as a Regional Peacekeeper';
const STRAKES_TITLE = 'Russia and the Nagorno-Karabakh Conflict: Genuine Threat or Misconception?';
const STRAKES_QUALS =
  'Director of research and publications, Center for Foreign Policy and Security Studies (CFPSS), Romania; Coordinator, Caucasus-Asia Center';

describe('the demo sources, cited in every style', () => {
  const table: [CitationStyle, CitedSource, string][] = [
    [
      'DEBATE',
      turchenko,
      `Turchenko 2023 (Mikhail Turchenko, "${TURCHENKO_TITLE}," The Moscow Times (opinion), September 21, 2023, ${TURCHENKO_URL})`,
    ],
    [
      'MLA',
      turchenko,
      `Turchenko, Mikhail. "${TURCHENKO_TITLE}." The Moscow Times (opinion), 21 Sept. 2023, ${TURCHENKO_URL.replace('https://', '')}.`,
    ],
    [
      'APA',
      turchenko,
      `Turchenko, M. (2023, September 21). ${TURCHENKO_TITLE}. The Moscow Times (opinion). ${TURCHENKO_URL}`,
    ],
    [
      'CHICAGO',
      turchenko,
      `Turchenko, Mikhail. 2023. "${TURCHENKO_TITLE}." The Moscow Times (opinion), September 21, 2023. ${TURCHENKO_URL}.`,
    ],
    [
      'DEBATE',
      strakes,
      `Strakes 2020 (Jason E. Strakes, ${STRAKES_QUALS}, "${STRAKES_TITLE}" BESA Center Perspectives Paper No. 1,798, November 4, 2020)`,
    ],
    [
      'MLA',
      strakes,
      `Strakes, Jason E. ${STRAKES_TITLE} BESA Center Perspectives Paper No. 1,798, 4 Nov. 2020.`,
    ],
    [
      'APA',
      strakes,
      `Strakes, J. E. (2020, November 4). ${STRAKES_TITLE} BESA Center Perspectives Paper No. 1,798.`,
    ],
    [
      'CHICAGO',
      strakes,
      `Strakes, Jason E. 2020. ${STRAKES_TITLE} BESA Center Perspectives Paper No. 1,798.`,
    ],
  ];
  it.each(table)('%s: %s', (style, source, expected) => {
    expect(formatCitation(style, source)).toBe(expected);
  });

  it('gives the debate tag as surname and four-digit year', () => {
    expect(debateCite(turchenko).short).toBe('Turchenko 2023');
    expect(debateCite(strakes).short).toBe('Strakes 2020');
  });

  it('sets the container of a web article and the title of a whole work in italics', () => {
    expect(citationSegments('MLA', turchenko).filter((s) => s.italic)).toEqual([
      { text: 'The Moscow Times (opinion)', italic: true },
    ]);
    expect(citationSegments('APA', strakes).filter((s) => s.italic)).toEqual([
      { text: STRAKES_TITLE, italic: true },
    ]);
    for (const style of CITATION_STYLES) {
      const joined = citationSegments(style, turchenko)
        .map((s) => s.text)
        .join('');
      expect(joined).toBe(formatCitation(style, turchenko));
    }
  });
});

describe('authors', () => {
  it('reads "Last, First" and "First Last", several separated by semicolons', () => {
    expect(parseAuthors('Strakes, Jason E.; Jane Doe')).toEqual([
      { first: 'Jason E.', last: 'Strakes' },
      { first: 'Jane', last: 'Doe' },
    ]);
    expect(parseAuthors('Jason E. Strakes, Ph.D')).toEqual([
      { first: 'Jason E.', last: 'Strakes' },
    ]);
    expect(parseAuthors(' Reuters ; ')).toEqual([{ first: '', last: 'Reuters' }]);
    expect(parseAuthors('')).toEqual([]);
  });

  const source = (author: string): CitedSource => ({
    title: 'A Study of Things',
    author,
    publisher: 'Press',
    publishedOn: '2019-03-05',
    url: null,
  });
  const two = source('Strakes, Jason E.; Jane Doe');
  const three = source('Strakes, Jason E.; Jane Doe; Jean-Paul Sartre');

  it('names two authors in each style', () => {
    expect(formatCitation('MLA', two)).toBe(
      'Strakes, Jason E., and Jane Doe. A Study of Things. Press, 5 Mar. 2019.',
    );
    expect(formatCitation('APA', two)).toBe(
      'Strakes, J. E., & Doe, J. (2019, March 5). A Study of Things. Press.',
    );
    expect(formatCitation('CHICAGO', two)).toBe(
      'Strakes, Jason E., and Jane Doe. 2019. A Study of Things. Press.',
    );
    expect(debateCite(two).short).toBe('Strakes and Doe 2019');
  });

  it('shortens three or more authors to "et al." in MLA and the debate tag, and lists them in APA and Chicago', () => {
    expect(formatCitation('MLA', three)).toBe(
      'Strakes, Jason E., et al. A Study of Things. Press, 5 Mar. 2019.',
    );
    expect(formatCitation('APA', three)).toBe(
      'Strakes, J. E., Doe, J., & Sartre, J.-P. (2019, March 5). A Study of Things. Press.',
    );
    expect(formatCitation('CHICAGO', three)).toBe(
      'Strakes, Jason E., Jane Doe, and Jean-Paul Sartre. 2019. A Study of Things. Press.',
    );
    expect(debateCite(three)).toEqual({
      short: 'Strakes et al. 2019',
      full: 'Strakes et al. 2019 (Jason E. Strakes, Jane Doe, and Jean-Paul Sartre, "A Study of Things," Press, March 5, 2019)',
    });
  });

  it("labels a card by the author's surname however the name is stored", () => {
    expect(sourceLabel({ author: 'Strakes, Jason E.', publishedOn: '2020-11-04' })).toBe(
      'Strakes, 4 Nov 2020',
    );
    expect(sourceLabel({ author: 'Jason E. Strakes', publishedOn: null })).toBe('Strakes');
    expect(sourceLabel({ author: 'Strakes, Jason E.; Doe, Jane', publishedOn: null })).toBe(
      'Strakes and Doe',
    );
  });

  it('starts with the title when there is no author (the debate tag with the publisher)', () => {
    const anonymous = source('');
    expect(formatCitation('MLA', anonymous)).toBe('A Study of Things. Press, 5 Mar. 2019.');
    expect(formatCitation('APA', anonymous)).toBe('A Study of Things. (2019, March 5). Press.');
    expect(formatCitation('CHICAGO', anonymous)).toBe('A Study of Things. 2019. Press.');
    expect(debateCite(anonymous).short).toBe('Press 2019');
  });
});

describe('missing dates, web pages and pages', () => {
  const web: CitedSource = {
    title: 'What Article 4 Says',
    author: 'Doe, Jane',
    publisher: 'Example News',
    publishedOn: null,
    url: 'https://example.org/a4',
    accessedOn: '2026-12-02',
  };

  it('writes "n.d." for no date (MLA leaves it out) and gives the access date of a web page', () => {
    expect(formatCitation('MLA', web)).toBe(
      'Doe, Jane. "What Article 4 Says." Example News, example.org/a4. Accessed 2 Dec. 2026.',
    );
    expect(formatCitation('APA', web)).toBe(
      'Doe, J. (n.d.). What Article 4 Says. Example News. Retrieved December 2, 2026, from https://example.org/a4',
    );
    expect(formatCitation('CHICAGO', web)).toBe(
      'Doe, Jane. n.d. "What Article 4 Says." Example News. Accessed December 2, 2026. https://example.org/a4.',
    );
    expect(debateCite(web)).toEqual({
      short: 'Doe n.d.',
      full: 'Doe n.d. (Jane Doe, "What Article 4 Says," Example News, https://example.org/a4, accessed December 2, 2026)',
    });
  });

  it('leaves out an access date for a source with no address', () => {
    expect(formatCitation('MLA', { ...strakes, accessedOn: '2026-12-02' })).not.toContain(
      'Accessed',
    );
    expect(formatCitation('MLA', turchenko, { accessedOn: '2026-12-02' })).toMatch(
      /Accessed 2 Dec\. 2026\.$/,
    );
  });

  it('cites the page or pages of the quote', () => {
    expect(formatCitation('MLA', strakes, { page: '4' })).toBe(
      `Strakes, Jason E. ${STRAKES_TITLE} BESA Center Perspectives Paper No. 1,798, 4 Nov. 2020, p. 4.`,
    );
    expect(formatCitation('APA', strakes, { page: '4-5' })).toMatch(/No\. 1,798, pp\. 4–5\.$/);
    expect(formatCitation('CHICAGO', strakes, { page: 'iv' })).toMatch(/No\. 1,798, p\. iv\.$/);
    expect(debateCite(strakes, { page: '12–13' }).full).toMatch(/November 4, 2020, pp\. 12–13\)$/);
    expect(pageLocator('7–7')).toBe('p. 7');
    expect(pageLocator('A-3')).toBe('p. A-3');
    expect(pageLocator('  ')).toBeNull();
    expect(pageLocator(null)).toBeNull();
  });
});

describe('any source', () => {
  // Free text that does not itself contain the words the property looks for.
  const text = fc
    .oneof(fc.string({ maxLength: 40 }), fc.constant(''), fc.constant('  ; , '))
    .filter((s) => !/undefined|null|nan/i.test(s));
  const date = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.string({ maxLength: 12 }),
    fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  );
  const source = fc.record(
    {
      title: text,
      author: fc.array(text, { maxLength: 25 }).map((names) => names.join('; ')),
      qualifications: text,
      publisher: text,
      publishedOn: date,
      url: fc.oneof(fc.constant(null), fc.webUrl(), text),
      accessedOn: date,
    },
    { requiredKeys: ['title', 'author'] },
  );

  it('never throws and never writes "undefined" or "null"', () => {
    fc.assert(
      fc.property(
        source,
        fc.constantFrom(...CITATION_STYLES),
        fc.option(text),
        (s, style, page) => {
          for (const out of [
            formatCitation(style, s, { page }),
            debateCite(s, { page }).short,
            debateCite(s, { page }).full,
          ]) {
            expect(out).not.toMatch(/undefined|null|NaN/);
            expect(out).toBe(out.trim());
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
