'use client';

import type { ReactNode } from 'react';
import type { SpeechDraft } from '@/lib/domain/formats/form-fields';
import type { Format } from '@/lib/domain/formats/schema';
import { ChevronIcon, CloseIcon } from '@/components/ui/icons';
import styles from './format-editor.module.css';

/** A controlled field's props, with its error marking when its slot has the error. */
export type FieldProps = {
  name: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
};

type Props = {
  index: number;
  count: number;
  speech: SpeechDraft;
  positions: Format['positions'];
  field: (slot: string, name: string, value: string, onChange: (v: string) => void) => FieldProps;
  errorAt: (slot: string) => ReactNode;
  onChange: (change: Partial<SpeechDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

/**
 * One speech of the format editor as a table row. Every control is named
 * with the speech's number ("Speech 2 minutes"); on a phone the row becomes
 * a card and the column heads show beside each control.
 */
export function SpeechRow(props: Props) {
  const { index, count, speech, positions, field, errorAt, onChange, onMove, onRemove } = props;
  const n = index + 1;
  const at = `speeches.${index}`;
  const named = `Speech ${n}`;
  const cellLabel = (text: string) => (
    <span className={styles.cellLabel} aria-hidden="true">
      {text}
    </span>
  );
  return (
    <tr>
      <th scope="row" className={styles.number}>
        {n}
        <input type="hidden" name={`${at}.key`} value={speech.key} />
        <input type="hidden" name={`${at}.kind`} value={speech.kind} />
      </th>
      <td>
        {cellLabel('Name')}
        <input
          className={`${styles.input} ${styles.name}`}
          aria-label={`${named} name`}
          required
          maxLength={80}
          {...field(`${at}.name`, `${at}.name`, speech.name, (v) => onChange({ name: v }))}
        />
        {errorAt(`${at}.name`)}
      </td>
      <td>
        {cellLabel('Short')}
        <input
          className={`${styles.input} ${styles.short}`}
          aria-label={`${named} short label`}
          maxLength={12}
          {...field(`${at}.short`, `${at}.short`, speech.short, (v) => onChange({ short: v }))}
        />
        {errorAt(`${at}.short`)}
      </td>
      <td>
        {cellLabel('Bench')}
        <select
          className={`${styles.input} ${styles.bench}`}
          aria-label={`${named} bench`}
          {...field(`${at}.position`, `${at}.position`, speech.position, (v) =>
            onChange({ position: v }),
          )}
        >
          {positions.map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
            </option>
          ))}
        </select>
        {errorAt(`${at}.position`)}
      </td>
      <td>
        {cellLabel('Speaker')}
        <select
          className={`${styles.input} ${styles.speaker}`}
          aria-label={`${named} speaker`}
          {...field(`${at}.speaker`, `${at}.speaker`, speech.speaker, (v) =>
            onChange({ speaker: v }),
          )}
        >
          <option value="0">Any</option>
          {[1, 2, 3, 4, 5, 6].map((s) => (
            <option key={s} value={String(s)}>
              {s}
            </option>
          ))}
        </select>
        {errorAt(`${at}.speaker`)}
      </td>
      <td>
        {cellLabel('Time (min : s)')}
        <span className={styles.pair}>
          <input
            type="number"
            min={0}
            max={240}
            required
            className={`${styles.input} ${styles.num}`}
            aria-label={`${named} minutes`}
            {...field(`${at}.seconds`, `${at}.minutes`, speech.minutes, (v) =>
              onChange({ minutes: v }),
            )}
          />
          <span aria-hidden="true">:</span>
          <input
            type="number"
            min={0}
            max={59}
            required
            className={`${styles.input} ${styles.num}`}
            aria-label={`${named} seconds`}
            {...field(`${at}.seconds`, `${at}.secs`, speech.secs, (v) => onChange({ secs: v }))}
          />
        </span>
        {errorAt(`${at}.seconds`)}
      </td>
      <td>
        {cellLabel('Points of information; protected seconds at start, end')}
        <span className={styles.pair}>
          <label className={styles.check}>
            <input
              type="checkbox"
              name={`${at}.pois`}
              checked={speech.pois}
              onChange={(e) => onChange({ pois: e.target.checked })}
              aria-label={`${named} allows points of information`}
            />
            <span className={styles.allowed} aria-hidden="true">
              Allowed
            </span>
          </label>
          <input
            type="number"
            min={0}
            required
            disabled={!speech.pois}
            className={`${styles.input} ${styles.num}`}
            aria-label={`${named} protected seconds at the start`}
            title="Protected seconds at the start"
            {...field(`${at}.pois`, `${at}.protectedStart`, speech.protectedStart, (v) =>
              onChange({ protectedStart: v }),
            )}
          />
          <input
            type="number"
            min={0}
            required
            disabled={!speech.pois}
            className={`${styles.input} ${styles.num}`}
            aria-label={`${named} protected seconds at the end`}
            title="Protected seconds at the end"
            {...field(`${at}.pois`, `${at}.protectedEnd`, speech.protectedEnd, (v) =>
              onChange({ protectedEnd: v }),
            )}
          />
        </span>
        {errorAt(`${at}.pois`)}
      </td>
      <td>
        <label className={styles.check}>
          <input
            type="checkbox"
            name={`${at}.flowed`}
            checked={speech.flowed}
            onChange={(e) => onChange({ flowed: e.target.checked })}
            aria-label={`${named} is flowed`}
          />
          <span className={styles.cellLabel} aria-hidden="true">
            Flowed
          </span>
        </label>
      </td>
      <td className={styles.order}>
        <button
          type="button"
          className="button button--quiet button--small"
          aria-label={`Move speech ${n} up`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          <ChevronIcon open={false} className={styles.up} />
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          aria-label={`Move speech ${n} down`}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          <ChevronIcon open />
        </button>
        <button
          type="button"
          className="button button--quiet button--danger button--small"
          aria-label={`Remove speech ${n}`}
          disabled={count <= 2}
          onClick={onRemove}
        >
          <CloseIcon />
        </button>
      </td>
    </tr>
  );
}
