import type { Progress } from '@/lib/domain/tasks/quota';
import page from '@/components/ui/page.module.css';
import { PastDue } from './past-due';
import styles from './tasks.module.css';

type Student = {
  id: string;
  name: string;
  teamName: string | null;
  activity: {
    claims: number;
    evidence: number;
    comments: number;
    votes: number;
    activeSeconds: number;
  };
  progress: Record<string, Progress>;
  tasksSet: number;
  tasksDone: number;
};

/** "1 h 05 min", "12 min", "0 min". */
function minutesActive(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** One row per student: their activity from the op log, and how far they are with each task. */
export function ProgressTable({
  students,
  tasks,
}: {
  students: Student[];
  tasks: { id: string; title: string; dueOn: string | null }[];
}) {
  const counts = [
    ['Claims', (s: Student) => s.activity.claims],
    ['Evidence', (s: Student) => s.activity.evidence],
    ['Comments', (s: Student) => s.activity.comments],
    ['Votes', (s: Student) => s.activity.votes],
  ] as const;
  return (
    <div
      className={page.tableScroll}
      tabIndex={0}
      role="region"
      aria-label="Class progress, scrolls sideways"
    >
      <table className={page.table} aria-label="Class progress">
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Team</th>
            {counts.map(([label]) => (
              <th key={label} scope="col" className={styles.number}>
                {label}
              </th>
            ))}
            <th scope="col">Time active</th>
            <th scope="col">Tasks done</th>
            {tasks.map((t) => (
              <th key={t.id} scope="col" className={styles.taskColumn}>
                {t.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {students.map((s) => (
            <tr key={s.id}>
              <th scope="row" className={page.rowName}>
                {s.name}
              </th>
              <td className={styles.labelled} data-label="Team">
                {s.teamName ?? 'No team'}
              </td>
              {counts.map(([label, count]) => (
                <td
                  key={label}
                  className={`${styles.number} ${styles.labelled}`}
                  data-label={label}
                >
                  {count(s)}
                </td>
              ))}
              <td className={styles.labelled} data-label="Time active">
                {minutesActive(s.activity.activeSeconds)}
              </td>
              <td className={styles.labelled} data-label="Tasks done">
                {s.tasksDone} of {s.tasksSet}
              </td>
              {tasks.map((t) => {
                const p = s.progress[t.id];
                return (
                  <td key={t.id} className={styles.labelled} data-label={t.title}>
                    {p ? `${p.done} of ${p.of}${p.complete ? ', done' : ''}` : 'Not theirs'}
                    {p && <PastDue dueOn={t.dueOn} complete={p.complete} />}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
