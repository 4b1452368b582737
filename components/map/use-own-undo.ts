'use client';

import { useCallback } from 'react';
import type { MapStore } from '@/lib/client/map-store';
import type { useSocial } from '@/lib/client/use-social';
import { isLaterStep, type StepMark } from '@/lib/domain/history';

type Social = Pick<ReturnType<typeof useSocial>, 'undo' | 'redo' | 'undoMark' | 'redoMark'>;

/**
 * One undo for the reader's own changes: of the map, or of comments and
 * notes, whichever came last in the map's op log (by seq: never by clocks,
 * the browser's and the database's can be hours apart). Without edit rights
 * only comments and notes can be undone.
 */
export function useOwnUndo(store: MapStore, social: Social, canEdit: boolean) {
  const undo = useCallback(() => {
    if (takesSocial(social.undoMark, store.undoMark)) void social.undo();
    else store.undo();
  }, [social, store]);
  const redo = useCallback(() => {
    if (takesSocial(social.redoMark, store.redoMark)) void social.redo();
    else store.redo();
  }, [social, store]);
  return {
    undo: canEdit ? undo : () => void social.undo(),
    redo: canEdit ? redo : () => void social.redo(),
  };
}

const takesSocial = (social: StepMark | null, map: StepMark | null) =>
  social !== null && (map === null || isLaterStep(social, map));
