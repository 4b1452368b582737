import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatInstant } from '@/lib/util/format-date';

describe('formatInstant', () => {
  const lateEvening = '2026-11-03T23:30:00Z';

  it('shows an instant in the reader’s time zone, so the day can differ from UTC', () => {
    expect(formatInstant(lateEvening, 'date', 'UTC')).toBe('3 Nov 2026');
    expect(formatInstant(lateEvening, 'date', 'Asia/Yerevan')).toBe('4 Nov 2026');
    expect(formatInstant(lateEvening, 'dateTime', 'America/New_York')).toBe('3 Nov 2026, 18:30');
  });

  it('has a short form for recent activity', () => {
    expect(formatInstant(lateEvening, 'shortDateTime', 'Asia/Yerevan')).toBe('4 Nov, 03:30');
  });
});

describe('formatCalendarDate', () => {
  it('shows a publication date as written, wherever the reader is', () => {
    expect(formatCalendarDate('2020-11-04')).toBe('4 November 2020');
  });
});
