'use client';

import { useState } from 'react';

/**
 * A text box's draft of a stored text. It starts as the stored text and
 * starts over whenever the stored text changes (a teammate saved, an undo),
 * so the box never shows a stale copy; edits in between stay the reader's.
 */
export function useDraft(stored: string) {
  const [draft, setDraft] = useState(stored);
  const [base, setBase] = useState(stored);
  // Adjusting state while rendering (not in an effect) restarts this render
  // before anything stale reaches the screen.
  if (stored !== base) {
    setBase(stored);
    setDraft(stored);
  }
  return [draft, setDraft] as const;
}
