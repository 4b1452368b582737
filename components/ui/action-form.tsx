'use client';

import { useActionState, type ReactNode } from 'react';
import type { FormState } from '@/lib/server/form-action';

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  pendingLabel?: string;
  children?: ReactNode;
  className?: string;
  submitClassName?: string;
  /** An accessible name for the form, when a page has several. */
  label?: string;
};

/** A form posting to a server action, with its pending state, error and notice. */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  children,
  className = 'form',
  submitClassName = 'button form__submit',
  label,
}: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={className} aria-label={label}>
      {children}
      {state.error && (
        <p className="form__error" role="alert">
          {state.error}
        </p>
      )}
      {state.notice && (
        <p className="form__notice" role="status">
          {state.notice}
        </p>
      )}
      <button type="submit" className={submitClassName} disabled={pending}>
        {pending ? (pendingLabel ?? submitLabel) : submitLabel}
      </button>
    </form>
  );
}
