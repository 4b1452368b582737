'use client';

import type { SourceDoc } from '@/lib/domain/types';
import styles from './source-tabs.module.css';

const SIDE_DOT: Record<SourceDoc['side'], string | undefined> = {
  FOR: `${styles.dot} ${styles.dotFor}`,
  AGAINST: `${styles.dot} ${styles.dotAgainst}`,
  NEUTRAL: styles.dot,
};

/** The id of the tab of `sourceId`, which labels the reader's panel. */
export const sourceTabId = (sourceId: string) => `reader-tab-${sourceId}`;

type Props = {
  sources: readonly SourceDoc[];
  activeId: string;
  /** The id of the panel the tabs control. */
  panelId: string;
  onChoose: (sourceId: string) => void;
};

/** One tab per source, named by its author and marked with its side; arrow keys move between them. */
export function SourceTabs({ sources, activeId, panelId, onChoose }: Props) {
  const onKey = (event: React.KeyboardEvent, index: number) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = sources[(index + delta + sources.length) % sources.length]!;
    onChoose(next.id);
    document.getElementById(sourceTabId(next.id))?.focus();
  };
  return (
    <div className={styles.tabs} role="tablist" aria-label="Sources">
      {sources.map((s, i) => (
        <button
          key={s.id}
          id={sourceTabId(s.id)}
          type="button"
          role="tab"
          className={styles.tab}
          aria-selected={s.id === activeId}
          aria-controls={panelId}
          tabIndex={s.id === activeId ? 0 : -1}
          onClick={() => onChoose(s.id)}
          onKeyDown={(e) => onKey(e, i)}
        >
          <span className={SIDE_DOT[s.side]} aria-hidden="true" />
          {s.author}
        </button>
      ))}
    </div>
  );
}
