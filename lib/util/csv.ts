/**
 * CSV (RFC 4180) for spreadsheets. A text cell a spreadsheet would read as a
 * formula (it starts with =, +, -, @, a tab or a carriage return: a student
 * can name themselves "=HYPERLINK(…)") is written with a leading apostrophe,
 * so it opens as the text it is (OWASP's advice on CSV injection).
 * @internal Exported for the tests.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of cells as CSV text, lines ended with CRLF as RFC 4180 says. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
