'use client';

import type { useSocial } from '@/lib/client/use-social';

/** Undo and Redo of one's own comments and notes, for readers without the editing toolbar (commenters). */
export function SocialUndoBar({
  social,
}: {
  social: Pick<ReturnType<typeof useSocial>, 'undo' | 'redo' | 'undoAt' | 'redoAt'>;
}) {
  if (social.undoAt < 0 && social.redoAt < 0) return null;
  return (
    <div className="toolbar" role="toolbar" aria-label="Your comments and notes">
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() => void social.undo()}
        disabled={social.undoAt < 0}
        title="Undo your last comment or note (Ctrl+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() => void social.redo()}
        disabled={social.redoAt < 0}
        title="Redo (Ctrl+Shift+Z)"
      >
        Redo
      </button>
    </div>
  );
}
