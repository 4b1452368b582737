'use client';

import { useCallback, useSyncExternalStore } from 'react';
import styles from './outline.module.css';

export type WorkspaceView = 'map' | 'outline';

/** Below this width the outline is the first view: a canvas needs room a phone does not have. */
const NARROW = 768;
const storageKey = (userId: string | null | undefined) =>
  `counterpoint:map-view:${userId ?? 'this-browser'}`;

/** Tells this page's views that the choice changed (the storage event reaches only other tabs). */
const listeners = new Set<() => void>();
/** Choices the browser's storage refused (private mode, a policy): kept while the page is open. */
const unstored = new Map<string, WorkspaceView>();

function subscribe(changed: () => void) {
  listeners.add(changed);
  window.addEventListener('storage', changed);
  window.addEventListener('resize', changed);
  return () => {
    listeners.delete(changed);
    window.removeEventListener('storage', changed);
    window.removeEventListener('resize', changed);
  };
}

function remembered(userId: string | null | undefined): WorkspaceView {
  let stored: string | null = unstored.get(storageKey(userId)) ?? null;
  if (!stored)
    try {
      stored = localStorage.getItem(storageKey(userId));
    } catch {
      // Storage refused: nothing is remembered.
    }
  if (stored === 'map' || stored === 'outline') return stored;
  return window.innerWidth < NARROW ? 'outline' : 'map';
}

/**
 * Which view of the map the reader has chosen, remembered per user (per
 * browser for a visitor without an account). With nothing remembered,
 * the outline on a narrow screen and the canvas otherwise. The server
 * cannot know the screen: its page, and so the first frame, is the canvas.
 */
export function useWorkspaceView(userId: string | null | undefined) {
  const view = useSyncExternalStore(
    subscribe,
    () => remembered(userId),
    (): WorkspaceView => 'map',
  );
  const choose = useCallback(
    (next: WorkspaceView) => {
      try {
        localStorage.setItem(storageKey(userId), next);
      } catch {
        // Not remembered: shown for as long as the page is open.
        unstored.set(storageKey(userId), next);
      }
      listeners.forEach((l) => l());
    },
    [userId],
  );
  return [view, choose] as const;
}

/** "Map / Outline": two buttons, the one shown pressed. */
export function ViewToggle({
  view,
  onChange,
  className,
}: {
  view: WorkspaceView;
  onChange: (view: WorkspaceView) => void;
  /** Where it shows (the small screen's bar has one, the tools' row another). */
  className?: string;
}) {
  return (
    <div role="group" aria-label="View" className={`${styles.toggle} ${className ?? ''}`}>
      {(['map', 'outline'] as const).map((v) => (
        <button
          key={v}
          type="button"
          aria-pressed={view === v}
          className={styles.toggleButton}
          onClick={() => onChange(v)}
        >
          {v === 'map' ? 'Map' : 'Outline'}
        </button>
      ))}
    </div>
  );
}
