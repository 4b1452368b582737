'use client';

import { useSyncExternalStore } from 'react';
import { calendarDateOf, isPastDue } from '@/lib/domain/tasks/due';
import styles from './past-due.module.css';

const noSubscription = () => () => {};

/**
 * "Past due", in words (not colour alone), when the due date has passed in
 * the reader's own time zone and the quota is not met. The server cannot
 * know that zone, so it is decided in the browser (nothing on the server's
 * HTML), like LocalTime.
 */
export function PastDue({ dueOn, complete }: { dueOn: string | null; complete: boolean }) {
  const today = useSyncExternalStore(
    noSubscription,
    () => calendarDateOf(new Date()),
    () => null,
  );
  if (today === null || !isPastDue(dueOn, complete, today)) return null;
  // The space is part of it: a table cell reads "1 of 2 Past due", or just "1 of 2".
  return (
    <>
      {' '}
      <span className={styles.pastDue}>Past due</span>
    </>
  );
}
