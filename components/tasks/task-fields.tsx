import { NODE_KINDS } from '@/lib/domain/types';
import {
  KIND_LABELS,
  MAX_QUOTA,
  QUOTA_TARGETS,
  TARGET_LABELS,
  type Quota,
} from '@/lib/domain/tasks/quota';
import styles from './tasks.module.css';

/** A task's fields as a form shows them (empty for a new task). */
export type TaskDraft = {
  title: string;
  description: string;
  teamId: string | null;
  dueOn: string | null;
  quota: Quota;
};

export const NEW_TASK: TaskDraft = {
  title: '',
  description: '',
  teamId: null,
  dueOn: null,
  quota: { count: 2, kind: 'OBJECTION', withEvidence: false, target: 'other-side' },
};

type Props = {
  teams: { id: string; name: string }[];
  task: TaskDraft;
  /** Tells one form's fields from another's (ids of the labels). */
  idPrefix: string;
};

/** The fields of a task: title, words for the class, for whom, when, and the quota. */
export function TaskFields({ teams, task, idPrefix }: Props) {
  return (
    <div className={styles.fields}>
      <label className="field">
        <span>Title</span>
        <input name="title" required maxLength={120} defaultValue={task.title} />
      </label>
      <label className={`field ${styles.wide}`}>
        <span>What to do (optional)</span>
        <textarea name="description" rows={2} maxLength={2000} defaultValue={task.description} />
      </label>
      <label className="field">
        <span>For</span>
        <select name="teamId" defaultValue={task.teamId ?? ''}>
          <option value="">The whole class</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Due (optional)</span>
        <input type="date" name="dueOn" defaultValue={task.dueOn ?? ''} />
      </label>
      <fieldset className={styles.quota} aria-describedby={`${idPrefix}-quota-hint`}>
        <legend>Quota</legend>
        <label className="field">
          <span>How many cards</span>
          <input
            type="number"
            name="count"
            min={1}
            max={MAX_QUOTA}
            required
            defaultValue={task.quota.count}
          />
        </label>
        <label className="field">
          <span>Kind of card</span>
          <select name="kind" defaultValue={task.quota.kind}>
            {NODE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Answering</span>
          <select name="target" defaultValue={task.quota.target}>
            {QUOTA_TARGETS.map((t) => (
              <option key={t} value={t}>
                {TARGET_LABELS[t].replace('your own', 'their own')}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.check}>
          <input type="checkbox" name="withEvidence" defaultChecked={task.quota.withEvidence} />
          <span>Each needs evidence supporting it</span>
        </label>
        <p id={`${idPrefix}-quota-hint`} className="field__hint">
          Counts the cards each student adds after the task is set and that are still on the map.
          “The other side” is the side their team does not argue.
        </p>
      </fieldset>
    </div>
  );
}
