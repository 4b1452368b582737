'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { describeQuota, type Progress, type Quota } from '@/lib/domain/tasks/quota';
import { formatCalendarDate } from '@/lib/util/format-date';
import { PastDue } from '../tasks/past-due';
import { CheckIcon } from '../ui/icons';
import { LocalTime } from '../ui/local-time';
import dialogStyles from './dialog.module.css';
import styles from './tasks-panel.module.css';

type MyTasks = {
  tasks: {
    id: string;
    title: string;
    description: string;
    teamName: string | null;
    dueOn: string | null;
    quota: Quota;
    progress: Progress;
  }[];
  feedback: { body: string; releasedAt: string } | null;
};

/** How long the map must be still before an open dialog counts again. */
const RECOUNT_DELAY_MS = 600;

/**
 * A student's tasks on the map, in a dialog: what each asks, when it is due
 * (and "Past due" once that day is over and the quota not met), how far they
 * are ("1 of 2", then done), and their teacher's feedback once released.
 * Counted afresh when it opens, from the map as it stands, and again while
 * it is open whenever the map changes (`map`: any value that changes with
 * the map's graph, here or arriving from others through the stream),
 * debounced so a burst of edits is one request.
 */
export function TasksPanel({ mapId, map }: { mapId: string; map: unknown }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [mine, setMine] = useState<MyTasks | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isOpen, setOpen] = useState(false);
  const asked = useRef(0);

  const load = useCallback(async () => {
    const ask = ++asked.current;
    try {
      const response = await fetch(`/api/maps/${encodeURIComponent(mapId)}/tasks`);
      if (!response.ok) throw new Error();
      const next = (await response.json()) as MyTasks;
      // A slower answer never replaces a newer one.
      if (ask !== asked.current) return;
      setError(null);
      setMine(next);
    } catch {
      if (ask === asked.current) setError('Your tasks could not be loaded. Try again.');
    }
  }, [mapId]);

  const opened = useRef(map);
  useEffect(() => {
    if (!isOpen || opened.current === map) return;
    const timer = setTimeout(() => void load(), RECOUNT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [isOpen, map, load]);

  const open = () => {
    // Counted afresh: never the numbers of the last look while the new ones load.
    setMine(null);
    setError(null);
    opened.current = map;
    setOpen(true);
    dialog.current?.showModal();
    void load();
  };

  return (
    <>
      <button
        type="button"
        className={`button button--quiet ${dialogStyles.opener}`}
        onClick={open}
      >
        Tasks
      </button>
      <dialog
        ref={dialog}
        className={dialogStyles.dialog}
        aria-labelledby="tasks-title"
        onClose={() => setOpen(false)}
      >
        <h2 id="tasks-title">Your tasks</h2>
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        {mine === null && !error && <p className={styles.empty}>Loading…</p>}
        {mine?.tasks.length === 0 && <p className={styles.empty}>No tasks on this map yet.</p>}
        {mine && mine.tasks.length > 0 && (
          <ul className={styles.list} aria-label="Your tasks">
            {mine.tasks.map((task) => (
              <li key={task.id} aria-labelledby={`my-task-${task.id}`} className={styles.task}>
                <h3 id={`my-task-${task.id}`}>{task.title}</h3>
                <p className={styles.meta}>
                  {describeQuota(task.quota)}
                  {task.teamName && <> · for {task.teamName}</>}
                  {task.dueOn && <> · due {formatCalendarDate(task.dueOn, 'date')}</>}
                </p>
                {task.description && <p className={styles.description}>{task.description}</p>}
                <div className={styles.progress}>
                  <progress
                    value={task.progress.done}
                    max={task.progress.of}
                    aria-label={`Progress with ${task.title}`}
                  />
                  <span>
                    {task.progress.done} of {task.progress.of}
                  </span>
                  <PastDue dueOn={task.dueOn} complete={task.progress.complete} />
                  {task.progress.complete && (
                    <span className={styles.done}>
                      <CheckIcon aria-hidden="true" /> Done
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {mine?.feedback && (
          <section aria-labelledby="my-feedback-title" className={styles.feedback}>
            <h3 id="my-feedback-title">Feedback from your teacher</h3>
            <p className={styles.meta}>
              <LocalTime value={mine.feedback.releasedAt} />
            </p>
            <p className={styles.description}>{mine.feedback.body}</p>
          </section>
        )}
        <div className={styles.actions}>
          <form method="dialog">
            <button type="submit" className="button">
              Close
            </button>
          </form>
        </div>
      </dialog>
    </>
  );
}
