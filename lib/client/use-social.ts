'use client';

import { useCallback, useEffect, useState } from 'react';
import { invertSocialOp, ZSocialOp, type SocialView, type TSocialOpInput } from '../domain/social';

type Step = { ops: TSocialOpInput[]; at: number };

type Options = { mapId: string; shareToken: string | null; onError: (message: string) => void };

/**
 * The comments and team layers this reader may see, refetched whenever the
 * stream says something social changed. Changes are sent as social ops; the
 * server decides, and the refetch shows the result.
 */
export function useSocial({ mapId, shareToken, onError }: Options) {
  const [view, setView] = useState<SocialView | null>(null);
  // Own comments and notes can be undone like edits of the map (the workspace
  // picks whichever of the two was changed last).
  const [undoStack, setUndoStack] = useState<Step[]>([]);
  const [redoStack, setRedoStack] = useState<Step[]>([]);
  const headers = shareToken ? { 'x-share-token': shareToken } : undefined;
  const url = `/api/maps/${encodeURIComponent(mapId)}/social`;

  const refresh = useCallback(async () => {
    try {
      const response = await fetch(url, { headers });
      if (response.ok) setView((await response.json()) as SocialView);
    } catch {
      // The next nudge from the stream tries again.
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, shareToken]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** The ops that would undo `ops`, from the view before them; null when one of them cannot be undone. */
  const inverseOf = useCallback(
    (ops: TSocialOpInput[]): TSocialOpInput[] | null => {
      if (!view) return null;
      const inverse: TSocialOpInput[] = [];
      for (const op of ops) {
        const parsed = ZSocialOp.safeParse(op);
        const back = parsed.success ? invertSocialOp(view, parsed.data) : null;
        if (!back) return null;
        inverse.unshift(back);
      }
      return inverse;
    },
    [view],
  );

  const post = useCallback(
    async (ops: TSocialOpInput[]): Promise<boolean> => {
      const idempotencyKey = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
      for (let attempt = 0; attempt < 4; attempt++) {
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ ops, idempotencyKey }),
          });
          const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
          if (response.ok) return true;
          if (response.status !== 503) {
            onError(body?.error?.message ?? 'That could not be saved.');
            return false;
          }
        } catch {
          // offline: try again below
        }
        await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      }
      onError('The server could not be reached, so that was not saved. Try again.');
      return false;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [url, shareToken, onError],
  );

  const send = useCallback(
    async (ops: TSocialOpInput[]): Promise<boolean> => {
      const inverse = inverseOf(ops);
      const ok = await post(ops);
      // The step is on the undo stack before the change shows, so Undo never skips it.
      if (ok && inverse) {
        setUndoStack((stack) => [...stack, { ops: inverse, at: Date.now() }]);
        setRedoStack([]);
      }
      if (ok) await refresh();
      return ok;
    },
    [inverseOf, post, refresh],
  );

  const travel = useCallback(
    async (from: Step[], setFrom: typeof setUndoStack, setTo: typeof setUndoStack) => {
      const step = from.at(-1);
      if (!step) return false;
      setFrom((stack) => stack.slice(0, -1));
      const back = inverseOf(step.ops);
      const ok = await post(step.ops);
      if (ok && back) setTo((stack) => [...stack, { ops: back, at: Date.now() }]);
      if (ok) await refresh();
      return ok;
    },
    [inverseOf, post, refresh],
  );
  const undo = useCallback(() => travel(undoStack, setUndoStack, setRedoStack), [travel, undoStack]);
  const redo = useCallback(() => travel(redoStack, setRedoStack, setUndoStack), [travel, redoStack]);

  const reveal = useCallback(
    async (revealed: boolean) => {
      const response = await fetch(`/api/maps/${encodeURIComponent(mapId)}/layers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ revealed }),
      });
      if (!response.ok) onError('The layers could not be changed.');
      await refresh();
    },
    [mapId, refresh, onError],
  );

  return {
    view,
    refresh,
    send,
    reveal,
    undo,
    redo,
    undoAt: undoStack.at(-1)?.at ?? -1,
    redoAt: redoStack.at(-1)?.at ?? -1,
  };
}
