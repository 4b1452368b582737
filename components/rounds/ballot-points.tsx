'use client';

import { scoreSlots } from '@/lib/domain/rounds/ballot';
import type { RoundView } from '@/lib/domain/rounds/views';
import { benchLabel, speakerName } from './ballot-words';
import styles from './ballots.module.css';

/** How the form keys a speaker's points: the bench and the speaker (0 for the reply). */
export const slotKey = (position: string, speaker: number) => `${position}:${speaker}`;

type Props = {
  round: Pick<RoundView, 'format' | 'seats'>;
  /** What the judge typed per slot, by slotKey. */
  points: Record<string, string>;
  onChange: (key: string, value: string) => void;
  readOnly: boolean;
};

/**
 * Speaker points, when the format gives them: a box per bench, a number
 * field per speaker (named when the team lists its members) and the reply,
 * on the format's scales, with the bench's total so far.
 */
export function BallotPoints({ round, points, onChange, readOnly }: Props) {
  const { format } = round;
  const slots = scoreSlots(format);
  if (slots.length === 0 || !format.ballot.speakerPoints) return null;
  /** A bench's points so far, or null before any is given. */
  const total = (position: string) => {
    const given = slots
      .filter((s) => s.position === position)
      .map((s) => Number(points[slotKey(s.position, s.speaker)] || NaN))
      .filter(Number.isFinite);
    return given.length ? given.reduce((sum, n) => sum + n, 0) : null;
  };

  return (
    <fieldset className={styles.group}>
      <legend>Speaker points</legend>
      <p className="field__hint">
        Optional. Speakers {format.ballot.speakerPoints.min} to {format.ballot.speakerPoints.max}
        {format.ballot.replyPoints &&
          `, replies ${format.ballot.replyPoints.min} to ${format.ballot.replyPoints.max}`}
        .
      </p>
      <div className={styles.benches}>
        {format.positions.map((bench) => (
          <div key={bench.key} className={styles.bench}>
            <h3 className={styles.benchTitle}>{benchLabel(round, bench.key)}</h3>
            {slots
              .filter((s) => s.position === bench.key)
              .map((slot) => {
                const range =
                  slot.speaker === 0 ? format.ballot.replyPoints! : format.ballot.speakerPoints!;
                const name = speakerName(round, slot.position, slot.speaker);
                const key = slotKey(slot.position, slot.speaker);
                return (
                  <label key={key} className={`field ${styles.inline}`}>
                    <span>
                      {slot.label}
                      {name && <span className={styles.speaker}> ({name})</span>}
                    </span>
                    <input
                      type="number"
                      inputMode="decimal"
                      className={styles.points}
                      min={range.min}
                      max={range.max}
                      step={range.step}
                      value={points[key] ?? ''}
                      readOnly={readOnly}
                      onChange={(e) => onChange(key, e.target.value)}
                    />
                  </label>
                );
              })}
            {total(bench.key) !== null && <p className={styles.total}>Total {total(bench.key)}</p>}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
