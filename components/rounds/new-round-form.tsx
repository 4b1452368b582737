'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import type { FormAction } from '@/lib/domain/form-state';
import type { Format } from '@/lib/domain/formats/schema';
import { formatClock } from '@/lib/domain/rounds/clock';
import styles from './rounds.module.css';

type Props = {
  mapId: string;
  motion: string;
  formats: { value: string; format: Format }[];
  teams: { id: string; name: string; side: string }[];
  people: { id: string; name: string }[];
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
  const [judges, setJudges] = useState<string[]>([]);
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
      <label className="field">
        <span>Motion</span>
        <textarea name="motion" defaultValue={motion} rows={2} maxLength={500} required />
      </label>
      {format && (
        <fieldset className={styles.fieldset}>
          <legend>Benches</legend>
          {teams.length < format.positions.length && (
            <p className="field__hint">
              This format needs {format.positions.length} teams; the map has {teams.length}. Add
              teams on the Teams page.
            </p>
          )}
          {format.positions.map((bench, i) => (
            <label className="field" key={`${choice}-${bench.key}`}>
              <span>
                {bench.name} ({bench.side === 'FOR' ? 'for' : 'against'} the motion)
              </span>
              <select name={`seat:${bench.key}`} defaultValue={byBench(bench.side, i)}>
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
      <fieldset className={styles.fieldset}>
        <legend>Judges</legend>
        <p className="field__hint">
          A judge fills in a ballot; the chair runs the clocks (so can you).
        </p>
        <ul className={styles.judgeList}>
          {people.map((p) => (
            <li key={p.id}>
              <label className={styles.check}>
                <input
                  type="checkbox"
                  name="judge"
                  value={p.id}
                  checked={judges.includes(p.id)}
                  onChange={(e) =>
                    setJudges((j) =>
                      e.target.checked ? [...j, p.id] : j.filter((x) => x !== p.id),
                    )
                  }
                />
                {p.name}
              </label>
              {judges.includes(p.id) && (
                <label className={styles.check}>
                  <input
                    type="radio"
                    name="chair"
                    value={p.id}
                    defaultChecked={judges[0] === p.id}
                  />
                  Chair
                </label>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
    </ActionForm>
  );
}
