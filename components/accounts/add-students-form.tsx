'use client';

import { useActionState, useId, useRef, type ChangeEvent } from 'react';
import type { FormAction } from '@/lib/domain/form-state';
import { MAX_ROSTER_ROWS, type SignInCard } from '@/lib/domain/roster';
import { PrintButton } from '@/components/ui/print-button';
import { SignInCards } from './sign-in-cards';
import styles from './add-students-form.module.css';

type Props = {
  classroomId: string;
  action: FormAction<{ cards: SignInCard[] }>;
  signInUrl: string;
};

/**
 * The teacher's "Add students without email": a roster pasted or read from
 * a CSV file becomes accounts with usernames and one-time passwords, shown
 * once as printable sign-in cards.
 */
export function AddStudentsForm({ classroomId, action, signInUrl }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const roster = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file && roster.current) roster.current.value = await file.text();
  };
  return (
    <>
      <form action={formAction} className="form" aria-label="Add students without email">
        <input type="hidden" name="classroomId" value={classroomId} />
        <label className="field">
          <span>Student names</span>
          <textarea
            ref={roster}
            name="roster"
            rows={6}
            required
            defaultValue={state.error ? state.values?.roster : undefined}
            aria-invalid={state.field === 'roster' || undefined}
            aria-describedby={hintId}
          />
          <small id={hintId} className="field__hint">
            One name per line, or paste a CSV with a Name column (up to {MAX_ROSTER_ROWS} students).
          </small>
        </label>
        <label className={`field ${styles.file}`}>
          <span>Or read a CSV file</span>
          <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={readFile} />
        </label>
        {state.error && (
          <p className="form__error" role="alert">
            {state.error}
          </p>
        )}
        <button type="submit" className="button form__submit" disabled={pending}>
          {pending ? 'Creating accounts…' : 'Create accounts and sign-in cards'}
        </button>
      </form>
      {state.cards && state.cards.length > 0 && (
        <section aria-labelledby={`${hintId}-cards`} className={styles.cards}>
          <h3 id={`${hintId}-cards`} className={styles.cardsTitle}>
            {state.cards.length === 1 ? '1 sign-in card' : `${state.cards.length} sign-in cards`}
          </h3>
          <p role="status" className={styles.warning}>
            These passwords are shown only now. Print the cards (or save them as a PDF) before you
            leave this page; you can reset a lost one from the roster.
          </p>
          <PrintButton />
          <SignInCards cards={state.cards} signInUrl={signInUrl} />
        </section>
      )}
    </>
  );
}
