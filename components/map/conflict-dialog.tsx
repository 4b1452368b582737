'use client';

import { useEffect, useRef } from 'react';
import type { TextConflict } from '@/lib/client/map-store';
import styles from './conflict-dialog.module.css';
import dialogStyles from './dialog.module.css';

type Props = {
  conflict: TextConflict;
  onKeepTheirs: () => void;
  onUseMine: () => void;
  onMerge: () => void;
};

/** Someone changed a text while this reader was editing it: keep theirs, overwrite with mine, or edit a merge of both. */
export function ConflictDialog({ conflict, onKeepTheirs, onUseMine, onMerge }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={dialogStyles.dialog}
      aria-labelledby="conflict-title"
      onCancel={onKeepTheirs}
    >
      <h2 id="conflict-title">Someone else changed this text first</h2>
      <p>Your edit was not saved over theirs. Choose what the node should say.</p>
      <div className={styles.versions}>
        <section aria-label="Their version">
          <h3>Theirs (saved)</h3>
          <p>{conflict.theirs.text}</p>
        </section>
        <section aria-label="Your version">
          <h3>Yours</h3>
          <p>{conflict.mine}</p>
        </section>
      </div>
      <div className={styles.actions}>
        <button type="button" className="button button--quiet" onClick={onKeepTheirs}>
          Keep theirs
        </button>
        <button type="button" className="button button--quiet" onClick={onMerge}>
          Merge both and edit
        </button>
        <button type="button" className="button" onClick={onUseMine}>
          Use mine
        </button>
      </div>
    </dialog>
  );
}
