'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import type { FormAction } from '@/lib/domain/form-state';
import type { Format } from '@/lib/domain/formats/schema';
import { formatClock } from '@/lib/domain/rounds/clock';
import styles from './rounds.module.css';

type Team = { id: string; name: string; side: string };
type Person = { id: string; name: string };

type Props = {
  mapId: string;
  motion: string;
  formats: { value: string; format: Format }[];
  teams: Team[];
  people: Person[];
  action: FormAction;
};

/**
 * A new practice round: the format (the class's own first, then the
 * presets), the motion, a team for each bench of that format (a team already
 * on the bench's side first), the judges and who chairs.
 */
export function NewRoundForm({ mapId, motion, formats, teams, people, action }: Props) {
  const [choice, setChoice] = useState(
    formats.find((f) => f.value.endsWith(':world-schools'))?.value ?? formats[0]?.value ?? '',
  );
  const format = formats.find((f) => f.value === choice)?.format;
  const byBench = (side: string, index: number) => {
    const onSide = teams.filter((t) => t.side === side);
    return (onSide[Math.floor(index / 2)] ?? onSide[0] ?? teams[index])?.id ?? '';
  };
  return (
    <ActionForm
      action={action}
      submitLabel="Create round"
      pendingLabel="Creating…"
      label="New round"
    >
      <input type="hidden" name="mapId" value={mapId} />
      <label className="field">
        <span>Format</span>
        <select name="format" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {formats.map((f) => (
            <option key={f.value} value={f.value}>
              {f.format.name}
              {f.value.startsWith('class:') ? ' (this class)' : ''}
            </option>
          ))}
        </select>
      </label>
      {format && (
        <p className="field__hint">
          {format.description} {format.speeches.length} speeches; a speech lasts{' '}
          {[
            ...new Set(
              format.speeches.filter((s) => s.flowed).map((s) => formatClock(s.seconds * 1000)),
            ),
          ].join(', ')}
          .
        </p>
      )}
      <RoundLineUpFields
        format={format}
        formatKey={choice}
        motion={motion}
        teams={teams}
        people={people}
        seats={Object.fromEntries(
          (format?.positions ?? []).map((bench, i) => [bench.key, byBench(bench.side, i)]),
        )}
        judges={[]}
        chairId={null}
      />
    </ActionForm>
  );
}

/**
 * The motion, a team on each bench, the judges and the chair: the fields a
 * round is made with (`NewRoundForm`) and corrected with (the round page's
 * edit form), with the same names and labels. With `locked` (a ballot is
 * released), the benches and the judges show but do not change; their
 * values are still sent, so the motion and the chair can be corrected.
 */
export function RoundLineUpFields({
  format,
  formatKey,
  motion,
  teams,
  people,
  seats,
  judges: initialJudges,
  chairId,
  locked = false,
}: {
  format: Format | undefined;
  /** Which format it is: choosing another puts each bench's first choice back. */
  formatKey: string;
  motion: string;
  teams: Team[];
  people: Person[];
  /** The team first chosen for each bench: position key → team id. */
  seats: Record<string, string>;
  judges: string[];
  chairId: string | null;
  locked?: boolean;
}) {
  const [judges, setJudges] = useState<string[]>(initialJudges);
  const chair = chairId && initialJudges.includes(chairId) ? chairId : initialJudges[0];
  return (
    <>
      <label className="field">
        <span>Motion</span>
        <textarea name="motion" defaultValue={motion} rows={2} maxLength={500} required />
      </label>
      {format && (
        <fieldset className={styles.fieldset} disabled={locked}>
          <legend>Benches</legend>
          {locked && (
            <p className="field__hint">
              A ballot is released: the benches stay as they were judged.
            </p>
          )}
          {teams.length < format.positions.length && (
            <p className="field__hint">
              This format needs {format.positions.length} teams; the map has {teams.length}. Add
              teams on the Teams page.
            </p>
          )}
          {format.positions.map((bench) => (
            <label className="field" key={`${formatKey}-${bench.key}`}>
              <span>
                {bench.name} ({bench.side === 'FOR' ? 'for' : 'against'} the motion)
              </span>
              <select name={`seat:${bench.key}`} defaultValue={seats[bench.key] ?? ''}>
                <option value="">Choose a team</option>
                {teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      {locked &&
        Object.entries(seats).map(([bench, team]) => (
          <input key={bench} type="hidden" name={`seat:${bench}`} value={team} />
        ))}
      <fieldset className={styles.fieldset}>
        <legend>Judges</legend>
        <p className="field__hint">
          {locked
            ? 'A ballot is released: the judges stay; the chair can still change.'
            : 'A judge fills in a ballot; the chair runs the clocks (so can you).'}
        </p>
        <ul className={styles.judgeList}>
          {people.map((p) => (
            <li key={p.id}>
              <label className={styles.check}>
                <input
                  type="checkbox"
                  name={locked ? undefined : 'judge'}
                  value={p.id}
                  disabled={locked}
                  checked={judges.includes(p.id)}
                  onChange={(e) =>
                    setJudges((j) =>
                      e.target.checked ? [...j, p.id] : j.filter((x) => x !== p.id),
                    )
                  }
                />
                {p.name}
              </label>
              {locked && judges.includes(p.id) && <input type="hidden" name="judge" value={p.id} />}
              {judges.includes(p.id) && (
                <label className={styles.check}>
                  <input
                    type="radio"
                    name="chair"
                    value={p.id}
                    defaultChecked={(chair ?? judges[0]) === p.id}
                    aria-label={`Chair: ${p.name}`}
                  />
                  Chair
                </label>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
    </>
  );
}
