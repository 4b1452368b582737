'use client';

import { useId, useRef } from 'react';
import type { FormAction } from '@/lib/domain/form-state';
import { ActionForm } from './action-form';
import styles from './confirm-remove.module.css';

type Props = {
  /** Who is removed, as the buttons name them ("Remove Ada"). */
  name: string;
  /** The dialog's question ("Remove Ada from the class?"). */
  question: string;
  /** What removing does, and how to undo it. */
  explanation: string;
  /** The confirming form's accessible name. */
  formLabel: string;
  /** Hidden fields the action receives (ids). */
  fields: Record<string, string>;
  action: FormAction;
  /** What the buttons say before the name ("Remove", or "Delete" for a thing rather than a person). */
  verb?: string;
  pendingLabel?: string;
};

/**
 * "Remove …" on a roster or a member list asks first, in a modal dialog:
 * removing takes someone's access away, and a stray click in a lesson
 * should not. Escape or Cancel closes it and changes nothing; focus goes
 * back to the button that opened it.
 */
export function ConfirmRemove({
  name,
  question,
  explanation,
  formLabel,
  fields,
  action,
  verb = 'Remove',
  pendingLabel = 'Removing…',
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <button
        type="button"
        className="button button--quiet button--danger button--small"
        onClick={() => dialog.current?.showModal()}
      >
        {verb} {name}
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={titleId}>
        <h2 id={titleId} className={styles.title}>
          {question}
        </h2>
        <p className={styles.body}>{explanation}</p>
        <div className={styles.actions}>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
          <ActionForm
            action={action}
            submitLabel={`${verb} ${name}`}
            pendingLabel={pendingLabel}
            className={styles.form}
            submitClassName={`button ${styles.confirm}`}
            label={formLabel}
          >
            {Object.entries(fields).map(([field, value]) => (
              <input key={field} type="hidden" name={field} value={value} />
            ))}
          </ActionForm>
        </div>
      </dialog>
    </>
  );
}
