'use client';

import { useEffect, useId, useRef } from 'react';
import styles from './ballots.module.css';

/**
 * "Release the ballot?": a modal dialog before a ballot goes to the teams,
 * since it cannot be changed after. Escape or Cancel closes it and changes
 * nothing.
 */
export function ReleaseDialog({
  onConfirm,
  onClose,
}: {
  onConfirm: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    // No close() on cleanup: the dialog leaves the top layer when it is removed.
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onClose}
    >
      <h2 id={titleId} className={styles.dialogTitle}>
        Release the ballot?
      </h2>
      <p id={bodyId} className={styles.dialogBody}>
        Teams will see it; it cannot be changed after.
      </p>
      <div className={styles.actions}>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" onClick={onConfirm}>
          Release
        </button>
      </div>
    </dialog>
  );
}
