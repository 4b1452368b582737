/**
 * Whether a task is past due for a student: it has a due date (a calendar
 * date, `YYYY-MM-DD`), that day is over where the reader is (`today`, the
 * same form), and the quota is not met. Due on the 10th is on time all
 * day on the 10th.
 */
export function isPastDue(dueOn: string | null, complete: boolean, today: string): boolean {
  return dueOn !== null && !complete && dueOn < today;
}

/** A moment's calendar date in the runtime's own time zone, `YYYY-MM-DD`. */
export function calendarDateOf(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
