'use client';

import type { GraphNode } from '@/lib/domain/types';
import styles from './canvas-banners.module.css';
import type { PastView } from './use-past-view';

function TopBanner({ past = false, children }: { past?: boolean; children: React.ReactNode }) {
  return (
    <div className={`${styles.overlay} ${styles.top}`} data-over-canvas>
      <div className={past ? `${styles.banner} ${styles.past}` : styles.banner} role="status">
        {children}
      </div>
    </div>
  );
}

/** Says which change the read-only past map shows, with the way back. */
export function PastBanner({ past, onLeave }: { past: PastView; onLeave: () => void }) {
  return (
    <TopBanner past>
      <p>
        The map as it was after change {past.item.seq}: {past.item.who} {past.item.summary}
      </p>
      <button type="button" className="button" onClick={onLeave}>
        Back to now
      </button>
    </TopBanner>
  );
}

type FocusProps = {
  focused: GraphNode;
  shown: number;
  total: number;
  onLeave: () => void;
};

/** Says which claim the view is focused on and how much of the map shows, with the way out. */
export function FocusBanner({ focused, shown, total, onLeave }: FocusProps) {
  return (
    <TopBanner>
      <p>
        Focus on “{focused.text}” · showing {shown} of {total} nodes
      </p>
      <button
        type="button"
        className="button button--quiet"
        onClick={onLeave}
        aria-keyshortcuts="F"
      >
        Show whole map
      </button>
    </TopBanner>
  );
}
