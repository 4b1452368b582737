/**
 * One way to write a date for a reader. Instants (a comment's time, a link's
 * expiry) are shown in the reader's own time zone; calendar dates (a source's
 * publication date) have no time zone and are shown as written.
 */

export type DateStyle =
  /** 3 Nov 2026 */
  | 'date'
  /** 3 Nov 2026, 14:05 */
  | 'dateTime'
  /** 3 Nov, 14:05: recent activity, where the year goes without saying */
  | 'shortDateTime'
  /** 3 November 2026: a calendar date such as a publication date */
  | 'longDate';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  shortDateTime: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  longDate: { day: 'numeric', month: 'long', year: 'numeric' },
};

const LOCALE = 'en-GB';

/**
 * Formats an instant (ISO string or Date) in `timeZone` (an IANA name; the
 * runtime's own zone when omitted).
 */
export function formatInstant(value: string | Date, style: DateStyle, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE, { ...OPTIONS[style], timeZone }).format(new Date(value));
}

/** Formats a calendar date, `YYYY-MM-DD`, the same for every reader. */
export function formatCalendarDate(isoDate: string, style: DateStyle = 'longDate'): string {
  return formatInstant(`${isoDate}T00:00:00Z`, style, 'UTC');
}
