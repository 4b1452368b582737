'use client';

import { useActionState, useId, useRef } from 'react';
import type { FormAction } from '@/lib/domain/form-state';
import type { SignInCard } from '@/lib/domain/roster';
import { PrintButton } from '@/components/ui/print-button';
import { SignInCards } from './sign-in-cards';
import dialogStyles from '@/components/ui/confirm-remove.module.css';
import styles from './add-students-form.module.css';

type Props = {
  classroomId: string;
  userId: string;
  name: string;
  action: FormAction<{ card: SignInCard }>;
  signInUrl: string;
};

/**
 * "Reset password" on a managed student's roster row: asks first (it signs
 * the student out everywhere), then shows the new sign-in card, once.
 */
export function ResetPasswordButton({ classroomId, userId, name, action, signInUrl }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() => dialog.current?.showModal()}
      >
        Reset password for {name}
      </button>
      <dialog ref={dialog} className={dialogStyles.dialog} aria-labelledby={titleId}>
        <h2 id={titleId} className={dialogStyles.title}>
          {state.card ? `New sign-in card for ${name}` : `Reset ${name}’s password?`}
        </h2>
        {state.card ? (
          <>
            <p role="status" className={styles.warning}>
              This password is shown only now. Print the card or copy it down.
            </p>
            <SignInCards cards={[state.card]} signInUrl={signInUrl} />
          </>
        ) : (
          <p className={dialogStyles.body}>
            They get a new one-time password on a new card. The old password stops working and they
            are signed out everywhere; at their next sign-in they choose a new password.
          </p>
        )}
        {state.error && (
          <p className="form__error" role="alert">
            {state.error}
          </p>
        )}
        <div className={dialogStyles.actions}>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => dialog.current?.close()}
          >
            {state.card ? 'Close' : 'Cancel'}
          </button>
          {state.card ? (
            <PrintButton />
          ) : (
            <form
              action={formAction}
              className={dialogStyles.form}
              aria-label={`Reset password for ${name}`}
            >
              <input type="hidden" name="classroomId" value={classroomId} />
              <input type="hidden" name="userId" value={userId} />
              <button type="submit" className="button" disabled={pending}>
                {pending ? 'Resetting…' : 'Reset password'}
              </button>
            </form>
          )}
        </div>
      </dialog>
    </>
  );
}
