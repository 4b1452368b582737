import Link from 'next/link';
import type { FormAction } from '@/lib/domain/form-state';
import { clockTime } from '@/lib/domain/formats/form-fields';
import { totalSpeakingSeconds } from '@/lib/domain/formats';
import type { Format } from '@/lib/domain/formats/schema';
import { ActionForm } from '@/components/ui/action-form';
import { ConfirmRemove } from '@/components/ui/confirm-remove';
import page from '@/components/ui/page.module.css';
import styles from './class-formats.module.css';

type Props = {
  classroomId: string;
  teaches: boolean;
  /** The built-in presets, offered to the teacher to copy. */
  presets: readonly Format[];
  formats: { id: string; name: string; format: Format }[];
  copyAction: FormAction;
  deleteAction: FormAction;
};

const PREP: Record<Format['prep']['kind'], string> = {
  none: 'No prep during the round',
  'per-side': 'prep for each side between speeches',
  'before-round': 'prep before the first speech',
};

function prepText(prep: Format['prep']): string {
  if (prep.kind === 'none') return PREP.none;
  const time = prep.seconds % 60 === 0 ? `${prep.seconds / 60} min` : clockTime(prep.seconds);
  return `${time} ${PREP[prep.kind]}`;
}

/** One class format, read-only: its speeches in order with their times. */
function FormatCard({ format, actions }: { format: Format; actions?: React.ReactNode }) {
  const benches = new Map(format.positions.map((p) => [p.key, p.name]));
  return (
    <article className={styles.card} aria-label={format.name}>
      <div className={styles.cardHead}>
        <h3 className={styles.cardTitle}>{format.name}</h3>
        {actions && <div className={page.sectionActions}>{actions}</div>}
      </div>
      {format.description && <p className={styles.description}>{format.description}</p>}
      <table className={page.table} aria-label={`Speeches of ${format.name}`}>
        <thead>
          <tr>
            <th scope="col">Speech</th>
            <th scope="col">Bench</th>
            <th scope="col">Time</th>
            <th scope="col">Points of information</th>
          </tr>
        </thead>
        <tbody>
          {format.speeches.map((s) => (
            <tr key={s.key}>
              <td>
                {s.short && <span className={styles.short}>{s.short}</span>} {s.name}
              </td>
              <td>{benches.get(s.position) ?? s.position}</td>
              <td className={styles.time}>{clockTime(s.seconds)}</td>
              <td>
                {s.pois.allowed
                  ? `Allowed, not in the first ${clockTime(s.pois.protectedStart)} or last ${clockTime(s.pois.protectedEnd)}`
                  : 'None'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.meta}>
        {prepText(format.prep)} · {clockTime(totalSpeakingSeconds(format))} of speeches
        {format.graceSeconds > 0 ? ` · ${format.graceSeconds} s grace` : ''}
      </p>
    </article>
  );
}

/**
 * The classroom page's "Debate formats": the class's own formats (the
 * teacher edits or deletes them, students read them), and for the teacher
 * the built-in presets to copy for the class.
 */
export function ClassFormatsSection(props: Props) {
  const { classroomId, teaches, presets, formats, copyAction, deleteAction } = props;
  return (
    <section aria-labelledby="formats-title" className={page.section}>
      <h2 id="formats-title" className={page.sectionTitle}>
        Debate formats
      </h2>
      {formats.length === 0 ? (
        <p className={page.emptyState}>
          {teaches
            ? 'The class has no formats of its own yet. Copy one of the formats below, then change its speeches and times for the class.'
            : 'Your teacher has not set up a debate format for the class yet.'}
        </p>
      ) : (
        <div className={styles.formats}>
          {formats.map((f) => (
            <FormatCard
              key={f.id}
              format={f.format}
              actions={
                teaches ? (
                  <>
                    <Link
                      className="button button--quiet button--small"
                      href={`/classrooms/${classroomId}/formats/${f.id}`}
                      aria-label={`Edit ${f.name}`}
                    >
                      Edit
                    </Link>
                    <ConfirmRemove
                      name={f.name}
                      verb="Delete"
                      pendingLabel="Deleting…"
                      question={`Delete ${f.name}?`}
                      explanation="The class can no longer pick it for a new round. Rounds already held with it keep their own copy and do not change."
                      formLabel={`Delete ${f.name}`}
                      fields={{ classroomId, formatId: f.id }}
                      action={deleteAction}
                    />
                  </>
                ) : null
              }
            />
          ))}
        </div>
      )}
      {teaches && (
        <>
          <h3 className={styles.presetsTitle}>Start from a standard format</h3>
          <ul className={styles.presets}>
            {presets.map((p) => (
              <li key={p.key} className={styles.preset}>
                <h4 className={styles.presetName}>{p.name}</h4>
                <p className={styles.presetMeta}>
                  {p.speeches.length} speeches, {clockTime(totalSpeakingSeconds(p))} in all
                </p>
                <p className={styles.presetDescription}>{p.description}</p>
                <ActionForm
                  action={copyAction}
                  submitLabel="Copy for this class"
                  submitName={`Copy for this class: ${p.name}`}
                  pendingLabel="Copying…"
                  className={styles.copyForm}
                  submitClassName="button button--quiet button--small"
                  label={`Copy ${p.name}`}
                >
                  <input type="hidden" name="classroomId" value={classroomId} />
                  <input type="hidden" name="source" value={p.key} />
                </ActionForm>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
