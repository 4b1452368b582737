import { ActionForm } from '@/components/ui/action-form';
import type { FormAction } from '@/lib/domain/form-state';
import { describeQuota, type Quota } from '@/lib/domain/tasks/quota';
import { formatCalendarDate } from '@/lib/util/format-date';
import { TaskFields } from './task-fields';
import styles from './tasks.module.css';

type Task = {
  id: string;
  title: string;
  description: string;
  teamId: string | null;
  teamName: string | null;
  dueOn: string | null;
  quota: Quota;
};

type Props = {
  mapId: string;
  tasks: Task[];
  teams: { id: string; name: string }[];
  /** How many of the students each task is for have done it, by task id. */
  doneBy: Record<string, { done: number; of: number }>;
  update: FormAction;
  remove: FormAction;
};

/** The map's tasks as the teacher sees them: what each asks, for whom, how many are done; edit or delete. */
export function TaskList({ mapId, tasks, teams, doneBy, update, remove }: Props) {
  return (
    <ul className={styles.taskList} aria-label="Tasks">
      {tasks.map((task) => (
        <li key={task.id} className={styles.task} aria-labelledby={`task-${task.id}`}>
          <h3 id={`task-${task.id}`}>{task.title}</h3>
          <p className={styles.meta}>
            {describeQuota(task.quota)} · for {task.teamName ?? 'the whole class'}
            {task.dueOn && <> · due {formatCalendarDate(task.dueOn, 'date')}</>} ·{' '}
            {doneBy[task.id]?.done ?? 0} of {doneBy[task.id]?.of ?? 0} students done
          </p>
          {task.description && <p className={styles.description}>{task.description}</p>}
          <div className={styles.taskActions}>
            <details>
              <summary>Edit “{task.title}”</summary>
              <ActionForm
                action={update}
                submitLabel="Save task"
                submitName={`Save task “${task.title}”`}
                label={`Edit ${task.title}`}
              >
                <input type="hidden" name="mapId" value={mapId} />
                <input type="hidden" name="taskId" value={task.id} />
                <TaskFields teams={teams} task={task} idPrefix={`edit-${task.id}`} />
              </ActionForm>
            </details>
            <ActionForm
              action={remove}
              submitLabel="Delete"
              submitName={`Delete task “${task.title}”`}
              pendingLabel="Deleting…"
              className={styles.deleteForm}
              submitClassName="button button--quiet button--danger button--small"
              label={`Delete ${task.title}`}
            >
              <input type="hidden" name="mapId" value={mapId} />
              <input type="hidden" name="taskId" value={task.id} />
            </ActionForm>
          </div>
        </li>
      ))}
    </ul>
  );
}
