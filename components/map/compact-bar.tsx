'use client';

import { CommentIcon } from '../ui/icons';
import type { Sheet } from './use-sheet';
import styles from './compact-bar.module.css';

type Props = {
  /** The bar's menu (search, filter, legend, export, the editing toolbar…), under 768 px. */
  menu: Sheet;
  /** The side panel (sources, discussion, team notes), a drawer under 1024 px. */
  panel: Sheet;
  /** Open threads on the map, shown on the panel's button. */
  openThreads: number;
  /** More buttons of the small screen's bar, before these (the map/outline toggle). */
  children?: React.ReactNode;
};

/**
 * The buttons a small screen's bar has in place of its tools: the side
 * panel's (under 1024 px) and the menu's (under 768 px). Wider, CSS hides
 * them and the tools and the panel are on screen.
 */
export function CompactBar({ menu, panel, openThreads, children }: Props) {
  return (
    <div className={styles.compact}>
      {children}
      <button
        type="button"
        id={panel.toggleId}
        className={`button button--quiet ${styles.panelButton}`}
        aria-expanded={panel.open}
        aria-controls={panel.id}
        onClick={panel.toggle}
      >
        <CommentIcon />
        <span className={styles.panelLabel}>Sources &amp; discussion</span>
        {openThreads > 0 && (
          <span className={styles.count}>
            {openThreads}
            <span className={styles.hidden}> open threads</span>
          </span>
        )}
      </button>
      <button
        type="button"
        id={menu.toggleId}
        className={`button button--quiet ${styles.menuButton}`}
        aria-expanded={menu.open}
        aria-controls={menu.id}
        onClick={menu.toggle}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.8" />
        </svg>
        Menu
      </button>
    </div>
  );
}
