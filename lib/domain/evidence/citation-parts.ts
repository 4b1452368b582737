/**
 * The pieces citations are made of: authors read from the stored author
 * field, calendar dates in each style's words, and a page or page range.
 * Pure and deterministic (no Intl, no time zone): the same on the server, in
 * every browser and in exported files.
 */

/** One author: `last` is the surname (or the whole name of an organization); `first` may be ''. */
export type PersonName = { first: string; last: string };

const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv|ph\.?\s?d\.?)$/i;

/**
 * Reads the stored author field: authors separated by semicolons, each
 * written "Last, First" or "First Last" ("Strakes, Jason E.; Jane Doe").
 * Blank entries (or a stray comma) are skipped; a one-word name ("Reuters") is all surname.
 */
export function parseAuthors(author: string): PersonName[] {
  return author
    .split(';')
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .map(parseName)
    .filter((name) => name.last !== '');
}

function parseName(name: string): PersonName {
  if (/^[\s,]*$/.test(name)) return { first: '', last: '' };
  const comma = name.indexOf(',');
  if (comma >= 0) {
    const last = name.slice(0, comma).trim();
    const first = name.slice(comma + 1).trim();
    // "Jason E. Strakes, Ph.D" is "First Last" with a title, not "Last, First".
    if (last.includes(' ') && (first === '' || SUFFIX.test(first))) return parseName(last);
    return last === '' ? { first: '', last: first } : { first, last };
  }
  const words = name.split(' ');
  while (words.length > 1 && SUFFIX.test(words.at(-1)!)) words.pop();
  const last = words.pop()!;
  return { first: words.join(' '), last };
}

/**
 * The authors as a tag names them: "Strakes", "Strakes and Doe", "Strakes
 * et al." (three or more); '' for none.
 */
export function surnames(authors: readonly PersonName[]): string {
  const [first, second] = authors;
  if (!first) return '';
  if (authors.length > 2) return `${first.last} et al.`;
  return second ? `${first.last} and ${second.last}` : first.last;
}

/** "Jason E. Strakes" (a name as it is spoken). */
export function naturalName(name: PersonName): string {
  return name.first ? `${name.first} ${name.last}` : name.last;
}

/** "Strakes, Jason E." */
export function invertedName(name: PersonName): string {
  return name.first ? `${name.last}, ${name.first}` : name.last;
}

/** "Strakes, J. E." (APA): every given name as an initial, hyphenated names kept ("J.-P."). */
export function initialledName(name: PersonName): string {
  const initials = name.first
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word))
    .map((word) =>
      word
        .split('-')
        .map((piece) => piece.match(/\p{L}/u)?.[0]?.toUpperCase() ?? '')
        .filter((letter) => letter !== '')
        .map((letter) => `${letter}.`)
        .join('-'),
    )
    .join(' ');
  return initials ? `${name.last}, ${initials}` : name.last;
}

/** "a", "a and b", "a, b, and c" (serial comma), with `and` as the joining word. */
export function joinNames(names: string[], and = 'and'): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]} ${and} ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, ${and} ${names.at(-1)}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** MLA 9's abbreviations (May, June and July are written out). */
const MLA_MONTHS = [
  'Jan.',
  'Feb.',
  'Mar.',
  'Apr.',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];

type CalendarDate = { year: number; month: number; day: number };

/** A stored date, "YYYY-MM-DD" (anything after is ignored); null when it is not one. */
export function readDate(value: string | null | undefined): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/** "November 4, 2020" (APA, Chicago, the debate cite). */
export function longUsDate(date: CalendarDate): string {
  return `${MONTHS[date.month - 1]} ${date.day}, ${date.year}`;
}

/** "2020, November 4" (APA's date in parentheses). */
export function apaDate(date: CalendarDate): string {
  return `${date.year}, ${MONTHS[date.month - 1]} ${date.day}`;
}

/** "4 Nov. 2020" (MLA 9). */
export function mlaDate(date: CalendarDate): string {
  return `${date.day} ${MLA_MONTHS[date.month - 1]} ${date.year}`;
}

/**
 * A page or a range as a citation writes it: "p. 4", "pp. 4–5" (an en dash,
 * whether the range came with a hyphen or a dash). Labels such as "A-3" are
 * one page; only a dash between two page numbers (digits or roman numerals)
 * makes a range. Null for no page.
 */
export function pageLocator(page: string | null | undefined): string | null {
  const label = page?.trim();
  if (!label) return null;
  const range = /^([0-9]+|[ivxlcdm]+)\s*[-–—]\s*([0-9]+|[ivxlcdm]+)$/i.exec(label);
  if (range) return range[1] === range[2] ? `p. ${range[1]}` : `pp. ${range[1]}–${range[2]}`;
  if (/^\S+\s*–\s*\S+$/.test(label)) return `pp. ${label.replace(/\s*–\s*/, '–')}`;
  return `p. ${label}`;
}
