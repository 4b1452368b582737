'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import type { FormAction } from '@/lib/domain/form-state';
import {
  newSpeechKey,
  type FormatDraft,
  type PointsDraft,
  type SpeechDraft,
} from '@/lib/domain/formats/form-fields';
import { SpeechRow, type FieldProps } from './speech-row';
import styles from './format-editor.module.css';

type Props = {
  classroomId: string;
  formatId: string;
  /** The format as saved, as its fields show it. */
  saved: FormatDraft;
  /** Receives the numbered fields of lib/domain/formats/form-fields. */
  action: FormAction;
};

/** Where an error about a field is shown: the group of inputs it belongs to. */
function slotOf(field: string): string {
  const speech = /^speeches\.(\d+)\.(\w+)/.exec(field);
  if (speech) {
    const [, i, part] = speech;
    const slot = part === 'pois' ? 'pois' : part === 'key' || part === 'kind' ? 'name' : part;
    return `speeches.${i}.${slot}`;
  }
  if (field.startsWith('prep')) return 'prep';
  const points = /^ballot\.(speakerPoints|replyPoints)/.exec(field);
  if (points) return `ballot.${points[1]}`;
  return field;
}

/**
 * The teacher's editor of a class format: its name and description, each
 * speech as a row (move up or down, remove, add), the clocks and the ballot's
 * points. The fields are state, so moving a row moves what was typed in it,
 * and an error leaves everything as typed; the error is shown beside its
 * field, which is marked invalid and focused. After a save the form starts
 * again from what is saved.
 */
export function FormatEditor({ classroomId, formatId, saved, action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const savedKey = JSON.stringify(saved);
  const [draft, setDraft] = useState(saved);
  const [shownKey, setShownKey] = useState(savedKey);
  if (shownKey !== savedKey) {
    setShownKey(savedKey);
    setDraft(saved);
  }
  const form = useRef<HTMLFormElement>(null);
  const errorSlot = state.error && state.field ? slotOf(state.field) : null;
  const errorId = (slot: string) => `error-${slot.replace(/\W/g, '-')}`;
  const shown = new Set<string>();
  /** The error for a slot, once, beside its fields. */
  const errorAt = (slot: string) => {
    if (errorSlot !== slot) return null;
    shown.add(slot);
    return (
      <p id={errorId(slot)} className={styles.fieldError}>
        {state.error}
      </p>
    );
  };
  const invalid = (slot: string) =>
    errorSlot === slot ? { 'aria-invalid': true, 'aria-describedby': errorId(slot) } : {};

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  const set = <K extends keyof FormatDraft>(key: K, value: FormatDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setSpeech = (index: number, change: Partial<SpeechDraft>) =>
    setDraft((d) => ({
      ...d,
      speeches: d.speeches.map((s, i) => (i === index ? { ...s, ...change } : s)),
    }));
  const moveSpeech = (index: number, by: -1 | 1) =>
    setDraft((d) => {
      const speeches = [...d.speeches];
      const [moved] = speeches.splice(index, 1);
      speeches.splice(index + by, 0, moved!);
      return { ...d, speeches };
    });
  const removeSpeech = (index: number) =>
    setDraft((d) => ({ ...d, speeches: d.speeches.filter((_, i) => i !== index) }));
  const addSpeech = () =>
    setDraft((d) => ({
      ...d,
      speeches: [
        ...d.speeches,
        {
          key: newSpeechKey(d.speeches.map((s) => s.key)),
          kind: 'constructive',
          name: `Speech ${d.speeches.length + 1}`,
          short: '',
          position: d.positions[d.speeches.length % d.positions.length]!.key,
          speaker: '1',
          minutes: '5',
          secs: '0',
          pois: false,
          protectedStart: '0',
          protectedEnd: '0',
          flowed: true,
        },
      ],
    }));
  const setPoints = (which: 'speakerPoints' | 'replyPoints', change: Partial<PointsDraft>) =>
    setDraft((d) => ({ ...d, [which]: { ...d[which], ...change } }));

  const field = (slot: string, name: string, value: string, onChange: (v: string) => void) =>
    ({
      name,
      value,
      onChange: (e: { target: { value: string } }) => onChange(e.target.value),
      ...invalid(slot),
    }) satisfies FieldProps;

  const pointsFields = (which: 'speakerPoints' | 'replyPoints', title: string) => {
    const at = `ballot.${which}`;
    const p = draft[which];
    return (
      <fieldset className={styles.group}>
        <legend>{title}</legend>
        <label className={styles.check}>
          <input
            type="checkbox"
            name={`${at}.on`}
            checked={p.on}
            onChange={(e) => setPoints(which, { on: e.target.checked })}
          />
          Given
        </label>
        {(['min', 'max', 'step'] as const).map((part) => (
          <label key={part} className="field">
            <span>{{ min: 'Lowest', max: 'Highest', step: 'Step' }[part]}</span>
            <input
              type="number"
              inputMode="decimal"
              step="any"
              disabled={!p.on}
              {...field(at, `${at}.${part}`, p[part], (v) => setPoints(which, { [part]: v }))}
            />
          </label>
        ))}
        {errorAt(at)}
      </fieldset>
    );
  };

  const body = (
    <>
      <input type="hidden" name="classroomId" value={classroomId} />
      <input type="hidden" name="formatId" value={formatId} />
      <input type="hidden" name="ballot.decision" value={draft.decision} />
      {draft.positions.map((p, i) => (
        <span key={p.key} hidden>
          <input type="hidden" name={`positions.${i}.key`} value={p.key} />
          <input type="hidden" name={`positions.${i}.name`} value={p.name} />
          <input type="hidden" name={`positions.${i}.side`} value={p.side} />
        </span>
      ))}
      <div className={styles.about}>
        <label className="field">
          <span>Name</span>
          <input
            required
            maxLength={80}
            {...field('name', 'name', draft.name, (v) => set('name', v))}
          />
          {errorAt('name')}
        </label>
        <label className="field">
          <span>Speakers per team</span>
          <input
            type="number"
            min={1}
            max={6}
            required
            {...field('speakersPerTeam', 'speakersPerTeam', draft.speakersPerTeam, (v) =>
              set('speakersPerTeam', v),
            )}
          />
          {errorAt('speakersPerTeam')}
        </label>
        <label className={`field ${styles.wide}`}>
          <span>Description</span>
          <textarea
            maxLength={600}
            rows={3}
            {...field('description', 'description', draft.description, (v) =>
              set('description', v),
            )}
          />
          {errorAt('description')}
        </label>
      </div>

      <h2 className={styles.heading}>Speeches</h2>
      <div className={styles.tableWrap}>
        <table className={styles.speeches} aria-label="Speeches">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Name</th>
              <th scope="col">Short</th>
              <th scope="col">Bench</th>
              <th scope="col">Speaker</th>
              <th scope="col">Time (min : s)</th>
              <th scope="col">
                POIs; protected seconds
                <br />
                at start, end
              </th>
              <th scope="col">Flowed</th>
              <th scope="col">
                <span className="visually-hidden">Order</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.speeches.map((speech, i) => (
              <SpeechRow
                key={speech.key}
                index={i}
                count={draft.speeches.length}
                speech={speech}
                positions={draft.positions}
                field={field}
                errorAt={errorAt}
                onChange={(change) => setSpeech(i, change)}
                onMove={(by) => moveSpeech(i, by)}
                onRemove={() => removeSpeech(i)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.speechActions}>
        <button
          type="button"
          className="button button--quiet"
          onClick={addSpeech}
          disabled={draft.speeches.length >= 30}
        >
          Add a speech
        </button>
        {errorAt('speeches')}
      </div>

      <h2 className={styles.heading}>Clocks</h2>
      <div className={styles.clocks}>
        <fieldset className={styles.group}>
          <legend>Preparation</legend>
          <label className={`field ${styles.prepKind}`}>
            <span>Prep</span>
            <select
              name="prep.kind"
              value={draft.prepKind}
              onChange={(e) => set('prepKind', e.target.value as FormatDraft['prepKind'])}
            >
              <option value="none">None during the round</option>
              <option value="per-side">Each side, between speeches</option>
              <option value="before-round">Before the first speech</option>
            </select>
          </label>
          <label className="field">
            <span>Prep minutes</span>
            <input
              type="number"
              min={0}
              step="any"
              disabled={draft.prepKind === 'none'}
              {...field('prep', 'prep.minutes', draft.prepMinutes, (v) => set('prepMinutes', v))}
            />
          </label>
          {errorAt('prep')}
        </fieldset>
        <label className="field">
          <span>Grace seconds</span>
          <input
            type="number"
            min={0}
            required
            {...field('graceSeconds', 'graceSeconds', draft.graceSeconds, (v) =>
              set('graceSeconds', v),
            )}
          />
          <small className="field__hint">How long a speaker may run over.</small>
          {errorAt('graceSeconds')}
        </label>
        <label className="field">
          <span>Warning seconds</span>
          <input
            type="number"
            min={0}
            required
            {...field('warningSeconds', 'warningSeconds', draft.warningSeconds, (v) =>
              set('warningSeconds', v),
            )}
          />
          <small className="field__hint">Warn this long before a speech ends; 0 for none.</small>
          {errorAt('warningSeconds')}
        </label>
      </div>

      <h2 className={styles.heading}>Ballot</h2>
      <div className={styles.clocks}>
        {pointsFields('speakerPoints', 'Speaker points')}
        {pointsFields('replyPoints', 'Reply speech points')}
        <label className={styles.check}>
          <input
            type="checkbox"
            name="ballot.lowPointWins"
            checked={draft.lowPointWins}
            onChange={(e) => set('lowPointWins', e.target.checked)}
          />
          Low-point wins allowed
        </label>
      </div>
      {errorAt('ballot.decision')}
    </>
  );

  return (
    <form
      ref={form}
      action={formAction}
      className="form"
      aria-label="Edit format"
      onReset={(e) => e.preventDefault()}
    >
      {body}
      {state.error && (
        <p className="form__error" role="alert">
          {shown.has(errorSlot ?? '') ? `Not saved: ${state.error}` : state.error}
        </p>
      )}
      {state.notice && (
        <p className={styles.notice} role="status">
          {state.notice}
        </p>
      )}
      <div className={styles.saveBar}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : 'Save format'}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setDraft(saved)}>
          Undo changes
        </button>
      </div>
    </form>
  );
}
