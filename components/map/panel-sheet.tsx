'use client';

import { CloseIcon } from '../ui/icons';
import type { Sheet } from './use-sheet';
import styles from './panel-sheet.module.css';

/**
 * The side panel's place: a column beside the canvas from 1024 px up, a
 * drawer over the canvas below that, opened from the bar's "Sources &
 * discussion" and closed with its close button or Escape.
 */
export function PanelSheet({ sheet, children }: { sheet: Sheet; children: React.ReactNode }) {
  return (
    <div id={sheet.id} className={styles.side} data-open={sheet.open || undefined} data-side-panel>
      <button
        type="button"
        className={`button button--quiet ${styles.close}`}
        onClick={sheet.close}
        aria-label="Close the panel"
        title="Close (Esc)"
      >
        <CloseIcon />
      </button>
      {children}
    </div>
  );
}
