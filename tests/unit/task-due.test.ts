import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDateOf, isPastDue } from '@/lib/domain/tasks/due';

describe('a task past due', () => {
  it('is past due only after its due day, and only while the quota is not met', () => {
    expect(isPastDue('2026-12-10', false, '2026-12-10')).toBe(false);
    expect(isPastDue('2026-12-10', false, '2026-12-11')).toBe(true);
    expect(isPastDue('2026-12-10', true, '2026-12-11')).toBe(false);
    expect(isPastDue(null, false, '2026-12-11')).toBe(false);
    expect(isPastDue('2026-12-31', false, '2027-01-01')).toBe(true);
  });

  it('agrees with the order of the days, for any two dates', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map(calendarDateOf);
    fc.assert(
      fc.property(day, day, (due, today) => {
        expect(isPastDue(due, false, today)).toBe(Date.parse(today) > Date.parse(due));
      }),
    );
  });

  it('reads a moment’s date in the runtime’s own zone', () => {
    expect(calendarDateOf(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(calendarDateOf(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});
