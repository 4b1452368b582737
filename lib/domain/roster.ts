/**
 * A class roster a teacher pastes or uploads: names one per line, or a CSV
 * export (a spreadsheet, a school system) with a name column. Pure, so the
 * server and the tests read it the same way.
 */

/** The most students one roster may add at once. */
export const MAX_ROSTER_ROWS = 200;
/** As for a name typed at sign-up. */
const MAX_NAME_LENGTH = 80;

export type RosterResult = { names: string[] } | { error: string };

/** Header cells read as "the whole name" and as its parts. */
const FULL_NAME = /^(name|full ?name|student|student ?name|display ?name)$/;
const FIRST_NAME = /^(first ?name|given ?name|forename|first)$/;
const LAST_NAME = /^(last ?name|surname|family ?name|last)$/;

/**
 * Splits CSV text into rows of cells (RFC 4180: double-quoted cells may
 * hold commas, line breaks and doubled quotes). Semicolons or tabs separate
 * cells when the first line has them and no comma (spreadsheets in many
 * locales write semicolons).
 * @internal Exported for the tests.
 */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(',')
    ? ','
    : firstLine.includes(';')
      ? ';'
      : firstLine.includes('\t')
        ? '\t'
        : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const normalHeader = (cell: string) =>
  cell.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');

/** Which columns of a header row hold the name, or null if it is not a header. */
function nameColumns(header: string[]): { full: number } | { first: number; last: number } | null {
  const cells = header.map(normalHeader);
  const full = cells.findIndex((c) => FULL_NAME.test(c));
  if (full >= 0) return { full };
  const first = cells.findIndex((c) => FIRST_NAME.test(c));
  const last = cells.findIndex((c) => LAST_NAME.test(c));
  if (first >= 0 && last >= 0) return { first, last };
  return null;
}

const tidy = (name: string) =>
  name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

/**
 * The names in a roster. Text with a header row naming a name column
 * ("Name", "Student name", or "First name" and "Last name") is read as CSV
 * and only that column is kept; anything else is one name per line. A byte
 * order mark and blank lines are ignored. More than {@link MAX_ROSTER_ROWS}
 * names, a name longer than {@link MAX_NAME_LENGTH}, or no names at all is
 * an error that says which.
 */
export function parseRoster(input: string): RosterResult {
  const text = input.replace(/^\uFEFF/, '');
  const rows = parseCsv(text);
  const columns = rows.length > 0 ? nameColumns(rows[0]!) : null;
  const names = (
    columns
      ? rows
          .slice(1)
          .map((r) =>
            'full' in columns
              ? (r[columns.full] ?? '')
              : `${r[columns.first] ?? ''} ${r[columns.last] ?? ''}`,
          )
      : text.split(/\r?\n|\r/)
  )
    .map(tidy)
    .filter((n) => n !== '');
  if (names.length === 0)
    return {
      error: columns
        ? 'The file has a name column but no names under it.'
        : 'Enter at least one name, one per line.',
    };
  if (names.length > MAX_ROSTER_ROWS)
    return {
      error: `That is ${names.length} names; add at most ${MAX_ROSTER_ROWS} at a time.`,
    };
  const tooLong = names.findIndex((n) => n.length > MAX_NAME_LENGTH);
  if (tooLong >= 0)
    return {
      error: `Name ${tooLong + 1} is longer than ${MAX_NAME_LENGTH} characters. Is this the right column?`,
    };
  return { names };
}

/**
 * The readable start of a managed account's username: the first name and
 * the last name's initial, lower-case ASCII ("Maya Kowalski" → "maya.k",
 * "Zoë" → "zoe"); digits are added by the server to make it unique. Never
 * contains "@", so a username is never mistaken for an email.
 */
export function usernameBase(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) return 'student';
  const first = words[0]!.slice(0, 20);
  return words.length > 1 ? `${first}.${words.at(-1)![0]}` : first;
}

/** Whether a sign-in name is an email address rather than a username. */
export function isEmailLogin(login: string): boolean {
  return login.includes('@');
}

/** What a printed sign-in card shows; the password is shown once and never stored in clear. */
export type SignInCard = { userId: string; name: string; username: string; password: string };
