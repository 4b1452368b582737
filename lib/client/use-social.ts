'use client';

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Intent } from '../domain/history';
import type { SocialHistoryEntry, SocialView, TSocialOpInput } from '../domain/social';

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
  // picks whichever of the two was changed last). The stacks live in a ref,
  // read when an undo actually runs, not when it was clicked.
  const stacks = useRef<{ undo: Step[]; redo: Step[] }>({ undo: [], redo: [] });
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const setStacks = useCallback(
    (change: (s: { undo: Step[]; redo: Step[] }) => { undo: Step[]; redo: Step[] }) => {
      stacks.current = change(stacks.current);
      rerender();
    },
    [],
  );
  // Sends, undos and redos run one after another: the stream can show a new
  // comment before its POST has answered, and an Undo clicked then must wait
  // for that step rather than take back the one before it.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inTurn = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);
  const headers = shareToken ? { 'x-share-token': shareToken } : undefined;
  const url = `/api/maps/${encodeURIComponent(mapId)}/social`;

  // The first load also asks for the reader's undo steps; the stream's refetches do not re-read them.
  const historyLoaded = useRef(false);
  const refresh = useCallback(async () => {
    try {
      const response = await fetch(historyLoaded.current ? url : `${url}?history=1`, { headers });
      if (!response.ok) return;
      const next = (await response.json()) as SocialView;
      if (next.history && !historyLoaded.current) {
        historyLoaded.current = true;
        const step = (e: SocialHistoryEntry): Step => ({ ops: e.ops, at: e.at ?? 0 });
        const history = next.history;
        setStacks((live) => ({
          undo: [...history.undo.map(step), ...live.undo],
          redo: live.redo.length ? live.redo : history.redo.map(step),
        }));
      }
      setView(next);
    } catch {
      // The next nudge from the stream tries again.
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, shareToken]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Sends a batch; the answer carries the ops that undo it (null when it cannot be undone). */
  const post = useCallback(
    async (
      ops: TSocialOpInput[],
      intent: Intent,
    ): Promise<{ ok: boolean; inverse: TSocialOpInput[] | null }> => {
      const idempotencyKey = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
      for (let attempt = 0; attempt < 4; attempt++) {
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ ops, idempotencyKey, intent }),
          });
          const body = (await response.json().catch(() => null)) as {
            inverse?: TSocialOpInput[] | null;
            error?: { code: string; message: string };
          } | null;
          if (response.ok) return { ok: true, inverse: body?.inverse ?? null };
          if (response.status !== 503) {
            onError(body?.error?.message ?? 'That could not be saved.');
            return { ok: false, inverse: null };
          }
        } catch {
          // offline: try again below
        }
        await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      }
      onError('The server could not be reached, so that was not saved. Try again.');
      return { ok: false, inverse: null };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [url, shareToken, onError],
  );

  const send = useCallback(
    (ops: TSocialOpInput[]): Promise<boolean> =>
      inTurn(async () => {
        const { ok, inverse } = await post(ops, 'do');
        if (ok && inverse)
          setStacks((s) => ({ undo: [...s.undo, { ops: inverse, at: Date.now() }], redo: [] }));
        if (ok) await refresh();
        return ok;
      }),
    [inTurn, post, refresh, setStacks],
  );

  const travel = useCallback(
    (intent: 'undo' | 'redo'): Promise<boolean> =>
      inTurn(async () => {
        const from = intent === 'undo' ? 'undo' : 'redo';
        const to = intent === 'undo' ? 'redo' : 'undo';
        const step = stacks.current[from].at(-1);
        if (!step) return false;
        setStacks((s) => ({ ...s, [from]: s[from].slice(0, -1) }) as typeof s);
        const { ok, inverse } = await post(step.ops, intent);
        if (ok && inverse)
          setStacks(
            (s) => ({ ...s, [to]: [...s[to], { ops: inverse, at: Date.now() }] }) as typeof s,
          );
        if (ok) await refresh();
        return ok;
      }),
    [inTurn, post, refresh, setStacks],
  );
  const undo = useCallback(() => travel('undo'), [travel]);
  const redo = useCallback(() => travel('redo'), [travel]);

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
    undoAt: stacks.current.undo.at(-1)?.at ?? -1,
    redoAt: stacks.current.redo.at(-1)?.at ?? -1,
  };
}
