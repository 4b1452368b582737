'use client';

import { useId, useState, type ReactNode } from 'react';
import { region } from '@/lib/client/regions';
import styles from './side-panel.module.css';

/** One tab of the side panel: its label and what it shows. */
export type SideTab = { id: string; label: string; content: ReactNode };

/** The column beside the canvas: sources, discussion, team notes, one at a time. */
export function SidePanel({
  id,
  tabs,
  active,
  onActive,
}: {
  /** The panel's element id (a skip link's target). */
  id?: string;
  tabs: SideTab[];
  active?: string;
  onActive?: (id: string) => void;
}) {
  const [own, setOwn] = useState(tabs[0]!.id);
  const current = active ?? own;
  const base = useId();
  const choose = (id: string) => (onActive ? onActive(id) : setOwn(id));
  return (
    <div
      className={styles.panel}
      id={id}
      role="region"
      aria-label="Sources, discussion and team notes"
      {...region('side panel')}
    >
      <div className={styles.tabs} role="tablist" aria-label="Beside the map">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${base}-${tab.id}-tab`}
            aria-selected={tab.id === current}
            aria-controls={`${base}-${tab.id}`}
            tabIndex={tab.id === current ? 0 : -1}
            className={styles.tab}
            onClick={() => choose(tab.id)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
              const next =
                tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
              choose(next.id);
              document.getElementById(`${base}-${next.id}-tab`)?.focus();
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-${tab.id}`}
          aria-labelledby={`${base}-${tab.id}-tab`}
          hidden={tab.id !== current}
          className={styles.body}
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
