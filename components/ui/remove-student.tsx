'use client';

import { useId, useRef } from 'react';
import type { FormAction } from '@/lib/domain/form-state';
import { ActionForm } from './action-form';
import styles from './remove-student.module.css';

type Props = {
  classroomId: string;
  student: { id: string; name: string };
  /** Receives `classroomId` and `userId`. */
  action: FormAction;
};

/**
 * "Remove" on the roster asks first, in a modal dialog: removing takes the
 * student off the class's maps and teams, and a stray click in a lesson
 * should not. Escape or Cancel closes it and changes nothing; focus goes
 * back to the button that opened it.
 */
export function RemoveStudent({ classroomId, student, action }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <button
        type="button"
        className="button button--quiet button--danger button--small"
        onClick={() => dialog.current?.showModal()}
      >
        Remove {student.name}
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={titleId}>
        <h2 id={titleId} className={styles.title}>
          Remove {student.name} from the class?
        </h2>
        <p className={styles.body}>
          They lose access to the class’s maps and their places on its teams. What they wrote stays
          on the maps. They can join again with the class code.
        </p>
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
            submitLabel={`Remove ${student.name}`}
            pendingLabel="Removing…"
            className={styles.form}
            submitClassName={`button ${styles.confirm}`}
            label={`Remove ${student.name} from the class`}
          >
            <input type="hidden" name="classroomId" value={classroomId} />
            <input type="hidden" name="userId" value={student.id} />
          </ActionForm>
        </div>
      </dialog>
    </>
  );
}
