'use client';

import { useActionState, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { FormAction, FormState } from '@/lib/domain/form-state';
import styles from './action-form.module.css';

type Props = {
  action: FormAction;
  submitLabel: string;
  /**
   * The submit button's accessible name, when the label alone is ambiguous
   * (one "Change role" per row); it starts with the label.
   */
  submitName?: string;
  pendingLabel?: string;
  children?: ReactNode;
  className?: string;
  submitClassName?: string;
  /** An accessible name for the form, when a page has several. */
  label?: string;
  /** Or the id of the element that names it (a name with a date in the reader's time zone, say). */
  labelledBy?: string;
  /**
   * The fields are controlled state that already shows what was saved:
   * React's reset after the action would put uncontrolled defaults back on
   * the screen (a controlled select falls back to its first option), so it
   * is cancelled.
   */
  keepValues?: boolean;
  /** Called with the notice once the action has answered without an error. */
  onDone?: (notice: string | undefined) => void;
  /**
   * Called with the answer once the action has refused, after the form is
   * put back as it was sent (a form that answers one refusal its own way,
   * by its code).
   */
  onRefused?: (answer: FormState) => void;
};

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * React resets a form once its action has answered, error or not; after an
 * error, what was typed or chosen is put back, so it can be corrected rather
 * than redone.
 */
function restoreValues(form: HTMLFormElement, state: FormState): void {
  if (!state.error || !state.values) return;
  for (const element of Array.from(form.elements)) {
    const field = element as Field;
    // A disabled field was not sent: what it shows is not the writer's choice.
    if (!field.name || field.disabled || field.type === 'hidden' || field.type === 'file') continue;
    if (
      field instanceof HTMLInputElement &&
      (field.type === 'radio' || field.type === 'checkbox')
    ) {
      // Ticked if it was sent: every box of a group, and none of a name not sent at all.
      const sent = state.chosen ? (state.chosen[field.name] ?? []) : [state.values[field.name]];
      field.checked = sent.includes(field.value);
      continue;
    }
    const kept = state.values[field.name];
    if (kept !== undefined) field.value = kept;
  }
}

/** A form posting to a server action, with its pending state, error and notice. */
export function ActionForm({
  action,
  submitLabel,
  submitName,
  pendingLabel,
  children,
  className = 'form',
  submitClassName = 'button form__submit',
  label,
  labelledBy,
  keepValues = false,
  onDone,
  onRefused,
}: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  /** The answer last told to onDone or onRefused: each is told once, whatever re-renders. */
  const told = useRef(state);
  useLayoutEffect(() => {
    if (form.current) restoreValues(form.current, state);
  }, [state]);
  useEffect(() => {
    if (state === told.current) return;
    told.current = state;
    if (!state.error) onDone?.(state.notice);
    else onRefused?.(state);
  }, [state, onDone, onRefused]);
  return (
    <form
      ref={form}
      action={formAction}
      className={className}
      aria-label={label}
      aria-labelledby={labelledBy}
      onReset={keepValues ? (event) => event.preventDefault() : undefined}
    >
      {children}
      {state.error && (
        <p className="form__error" role="alert">
          {state.error}
        </p>
      )}
      {state.notice && (
        <p className={styles.notice} role="status">
          {state.notice}
        </p>
      )}
      <button
        type="submit"
        className={submitClassName}
        disabled={pending}
        aria-label={pending ? undefined : submitName}
      >
        {pending ? (pendingLabel ?? submitLabel) : submitLabel}
      </button>
    </form>
  );
}
