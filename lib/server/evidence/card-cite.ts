import 'server-only';

/**
 * A card's cite, as debaters write it: the short cite (surname and two-digit
 * year, "Turchenko 23"), bold in the Cite style, then the full cite in
 * brackets. Local until the shared citation helper (debateCite) is merged.
 */

type CitedSource = {
  title: string;
  /** "Last, First; Last, First". */
  author: string;
  qualifications: string;
  publisher: string;
  /** YYYY-MM-DD, or null. */
  publishedOn: string | null;
  url: string | null;
};

const people = (author: string) =>
  author
    .split(';')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => {
      const [last, first] = a.split(',').map((p) => p.trim());
      if (first) return { last: last!, full: `${first} ${last}` };
      // Written "First Last": the surname is the last word.
      return { last: a.split(/\s+/).at(-1)!, full: a };
    });

export function cardCite(source: CitedSource): { short: string; full: string } {
  const authors = people(source.author);
  const year = source.publishedOn ? source.publishedOn.slice(2, 4) : 'ND';
  const name =
    authors.length === 0
      ? source.publisher || source.title
      : authors.length === 1
        ? authors[0]!.last
        : authors.length === 2
          ? `${authors[0]!.last} and ${authors[1]!.last}`
          : `${authors[0]!.last} et al.`;
  const date = source.publishedOn
    ? (([y, m, d]) => `${Number(m)}-${Number(d)}-${y}`)(source.publishedOn.split('-'))
    : 'no date';
  const parts = [
    authors.map((a) => a.full).join(' and '),
    source.qualifications,
    `“${source.title}”`,
    source.publisher,
    date,
    source.url ?? '',
  ].filter(Boolean);
  return { short: `${name} ${year}`, full: `[${parts.join(', ')}]` };
}
