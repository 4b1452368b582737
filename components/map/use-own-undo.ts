'use client';

import { useCallback, useEffect, useRef } from 'react';
import type { MapStore } from '@/lib/client/map-store';
import type { useSocial } from '@/lib/client/use-social';
import { isLaterStep, type StepMark } from '@/lib/domain/history';

type Social = Pick<ReturnType<typeof useSocial>, 'view' | 'undo' | 'redo' | 'undoAt' | 'redoAt'>;

/**
 * One undo for the reader's own changes: of the map, or of comments and
 * notes, whichever came last in the map's op log. Without edit rights only
 * comments and notes can be undone.
 */
export function useOwnUndo(store: MapStore, social: Social, canEdit: boolean) {
  // useSocial marks a step with a time only: the browser's clock for steps
  // made on this page, the database's for those rebuilt from the log. The
  // two clocks can be hours apart, so a rebuilt step is known by its time
  // (from the first view, which carries them) and placed by its seq.
  const rebuilt = useRef(new Map<number, number>());
  const history = social.view?.history;
  useEffect(() => {
    if (!history || rebuilt.current.size) return;
    for (const step of [...history.undo, ...history.redo])
      if (step.at !== undefined && step.seq !== undefined) rebuilt.current.set(step.at, step.seq);
  }, [history]);
  const socialMark = useCallback((at: number): StepMark | null => {
    if (at < 0) return null;
    const seq = rebuilt.current.get(at);
    return seq === undefined ? { at } : { seq };
  }, []);

  const undo = useCallback(() => {
    if (takesSocial(socialMark(social.undoAt), store.undoMark)) void social.undo();
    else store.undo();
  }, [social, store, socialMark]);
  const redo = useCallback(() => {
    if (takesSocial(socialMark(social.redoAt), store.redoMark)) void social.redo();
    else store.redo();
  }, [social, store, socialMark]);
  return {
    undo: canEdit ? undo : () => void social.undo(),
    redo: canEdit ? redo : () => void social.redo(),
  };
}

const takesSocial = (social: StepMark | null, map: StepMark | null) =>
  social !== null && (map === null || isLaterStep(social, map));
