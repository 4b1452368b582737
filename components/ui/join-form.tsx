'use client';

import { useActionState } from 'react';
import type { FormAction } from '@/lib/domain/form-state';
import styles from './join-form.module.css';

type Props = { action: FormAction; code?: string };

/** The join-code form; keeps what was typed when the code is wrong, so it can be corrected. */
export function JoinForm({ action, code = '' }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const value = state.values?.code ?? code;
  return (
    <form action={formAction} className="form" key={value}>
      <label className="field">
        <span>Join code</span>
        <input
          name="code"
          required
          maxLength={32}
          defaultValue={value}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="ABCD-EFGH"
          aria-invalid={state.error ? true : undefined}
          className={styles.codeInput}
        />
      </label>
      {state.error && (
        <p className="form__error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="button form__submit" disabled={pending}>
        {pending ? 'Joining…' : 'Join classroom'}
      </button>
    </form>
  );
}
