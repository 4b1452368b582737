'use client';

import type { StoreNotice } from '@/lib/client/map-store';
import { CloseIcon } from '../ui/icons';
import styles from './map-notice.module.css';

/**
 * The latest word from the editor, floating at the foot of the canvas: a
 * change refused, the server out of reach, or a note about the reader's own
 * action. It stands over the canvas rather than above it, so the cards never
 * jump when it comes and goes (a person aiming at a card's handle would miss),
 * and beside the zoom controls and the Overview, never over them.
 */
export function MapNotice({ notice, onDismiss }: { notice: StoreNotice; onDismiss: () => void }) {
  const local = notice.kind === 'local';
  return (
    <div className={styles.place}>
      <div
        className={local ? styles.notice : `${styles.notice} ${styles.problem}`}
        role={local ? 'status' : 'alert'}
      >
        <span className={styles.text}>{notice.message}</span>
        <button
          type="button"
          className={styles.close}
          onClick={onDismiss}
          aria-label="Dismiss message"
        >
          <CloseIcon />
        </button>
      </div>
    </div>
  );
}
