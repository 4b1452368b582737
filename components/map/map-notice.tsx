'use client';

import type { StoreNotice } from '@/lib/client/map-store';
import { CloseIcon } from '../ui/icons';
import styles from './map-notice.module.css';

/**
 * The latest word from the editor under the bar: a change refused, the
 * server out of reach, or a note about the reader's own action.
 */
export function MapNotice({ notice, onDismiss }: { notice: StoreNotice; onDismiss: () => void }) {
  const local = notice.kind === 'local';
  return (
    <div
      className={local ? styles.notice : `${styles.notice} ${styles.problem}`}
      role={local ? 'status' : 'alert'}
    >
      <span>{notice.message}</span>
      <button
        type="button"
        className={styles.close}
        onClick={onDismiss}
        aria-label="Dismiss message"
      >
        <CloseIcon />
      </button>
    </div>
  );
}
