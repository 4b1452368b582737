'use client';

import { useState, type ReactNode } from 'react';
import { keyScope, useShortcuts } from '@/lib/client/shortcuts';
import type { SocialUndo } from '@/lib/client/use-social';
import type { SocialArea } from '@/lib/domain/social';
import panel from './panel.module.css';

const WHAT: Record<SocialArea, string> = { comments: 'comment', notes: 'note' };

/**
 * One place where comments or notes are written (the discussion, the team
 * notes), with Undo and Redo of one's own changes there: the buttons, and
 * Ctrl/⌘+Z, Ctrl/⌘+Shift+Z and Ctrl/⌘+Y while the focus is inside it (a
 * click anywhere in it puts it there). The map's Undo never reaches them,
 * nor these the map. A refused undo says why, here.
 */
export function UndoArea({
  area,
  undo,
  children,
}: {
  area: SocialArea;
  undo: SocialUndo;
  children: ReactNode;
}) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const what = WHAT[area];
  const run = (step: 'undo' | 'redo') => {
    setRefusal(null);
    void undo[step]().then(setRefusal);
  };
  useShortcuts([
    { key: 'z', mod: true, scope: area, run: (event) => run(event.shiftKey ? 'redo' : 'undo') },
    { key: 'y', mod: true, scope: area, run: () => run('redo') },
  ]);
  return (
    <div className={panel.area} {...keyScope(area)} tabIndex={-1}>
      {(undo.canUndo || undo.canRedo || refusal) && (
        <div className={panel.undoBar}>
          {refusal && (
            <p className={panel.refusal} role="status">
              {refusal}
            </p>
          )}
          <div className={panel.undoButtons} role="toolbar" aria-label={`Your ${what}s`}>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => run('undo')}
              disabled={!undo.canUndo}
              title={`Undo your last ${what} change (Ctrl+Z here)`}
            >
              <ArrowIcon flip={false} /> Undo {what}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => run('redo')}
              disabled={!undo.canRedo}
              title={`Redo (Ctrl+Shift+Z here)`}
            >
              <ArrowIcon flip /> Redo {what}
            </button>
          </div>
        </div>
      )}
      {children}
    </div>
  );
}

/** A curved arrow back (undo), or forward (redo, mirrored). */
function ArrowIcon({ flip }: { flip: boolean }) {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 16 16"
      aria-hidden="true"
      style={flip ? { transform: 'scaleX(-1)' } : undefined}
    >
      <path
        d="M6 3 2 7l4 4M2.5 7H10a4 4 0 0 1 0 8H8"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
