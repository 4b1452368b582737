'use client';

import { useCallback } from 'react';
import type { MapStore } from '@/lib/client/map-store';
import type { useSocial } from '@/lib/client/use-social';

/**
 * One undo for the reader's own changes: of the map, or of comments and
 * notes, whichever came last. Without edit rights only comments and notes
 * can be undone.
 */
export function useOwnUndo(
  store: MapStore,
  social: ReturnType<typeof useSocial>,
  canEdit: boolean,
) {
  const undo = useCallback(() => {
    if (social.undoAt > store.undoAt) void social.undo();
    else store.undo();
  }, [social, store]);
  const redo = useCallback(() => {
    if (social.redoAt > store.redoAt) void social.redo();
    else store.redo();
  }, [social, store]);
  return {
    undo: canEdit ? undo : () => void social.undo(),
    redo: canEdit ? redo : () => void social.redo(),
  };
}
