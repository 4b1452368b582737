'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { backoffDelays, retry } from '../util/retry';
import type { Intent, StepMark } from '../domain/history';
import {
  applySocialChanges,
  type SocialChanges,
  type SocialHistoryEntry,
  type SocialView,
  type TSocialOpInput,
} from '../domain/social';

/** An undo or redo step: its ops, when it was made here (browser clock), and its batch's seq in the log. */
type Step = { ops: TSocialOpInput[]; at: number; seq?: number };
type Stacks = { undo: Step[]; redo: Step[] };
const NO_STEPS: Stacks = { undo: [], redo: [] };

type Options = { mapId: string; shareToken: string | null; onError: (message: string) => void };

/** What one POST of a social batch came to. */
type Sent =
  | { kind: 'saved'; inverse: TSocialOpInput[] | null; seq: number }
  | { kind: 'refused'; message: string }
  | { kind: 'unavailable' };

/**
 * Waits between the attempts at sending a batch while the server cannot be
 * reached or answers 503: four attempts, 0.5 s, 1 s and 2 s apart.
 */
const SEND_RETRY_DELAYS = backoffDelays(3, { firstMs: 500, maxMs: 2_000 });

/** A `social` event of the map's stream: what changed, when the stream could carry it. */
export type SocialEvent = { seq: number; changes?: SocialChanges };

/** Changes kept to lay over a fetched view that was read before they happened. */
const KEEP_CHANGES = 200;

/**
 * The comments and team layers this reader may see. Fetched once; then the
 * stream brings each change, in the log's order, to the readers allowed to
 * see it, and it is put in place (a change the stream could not carry, or a
 * reveal, refetches). A fetched view says how new it is (its seq): an older
 * answer never replaces a newer view, and the changes after it are laid
 * over it. Changes are sent as social ops; the server decides.
 */
export function useSocial({ mapId, shareToken, onError }: Options) {
  const [view, setView] = useState<SocialView | null>(null);
  /** The newest fetched view, and the stream's changes after it: what is shown is the one over the other. */
  const base = useRef<SocialView | null>(null);
  const changes = useRef<{ seq: number; changes: SocialChanges }[]>([]);
  const inFlight = useRef<AbortController | null>(null);
  // Own comments and notes can be undone like edits of the map (the workspace
  // picks whichever of the two was changed last). The ref holds the stacks an
  // undo reads when it actually runs (not when it was clicked); the state is
  // the copy rendering reads.
  const stacks = useRef<Stacks>(NO_STEPS);
  const [shownStacks, setShownStacks] = useState<Stacks>(NO_STEPS);
  const setStacks = useCallback((change: (s: Stacks) => Stacks) => {
    stacks.current = change(stacks.current);
    setShownStacks(stacks.current);
  }, []);
  // Sends, undos and redos run one after another: the stream can show a new
  // comment before its POST has answered, and an Undo clicked then must wait
  // for that step rather than take back the one before it.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inTurn = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);
  const headers = useMemo(
    () => (shareToken ? { 'x-share-token': shareToken } : undefined),
    [shareToken],
  );
  const url = `/api/maps/${encodeURIComponent(mapId)}/social`;

  // The first load also asks for the reader's undo steps; the stream's refetches do not re-read them.
  const historyLoaded = useRef(false);
  const fetchView = useCallback(async (): Promise<SocialView | null> => {
    // A newer fetch makes an older one pointless: it is dropped, not raced.
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const response = await fetch(historyLoaded.current ? url : `${url}?history=1`, {
        headers,
        signal: controller.signal,
      });
      return response.ok ? ((await response.json()) as SocialView) : null;
    } catch {
      return null; // aborted, or offline: the next change from the stream tries again
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
    }
  }, [url, headers]);
  /** The fetched view with the stream's later changes laid over it, or null if one does not fit. */
  const overlaid = useCallback((fetched: SocialView): SocialView | null => {
    let shown: SocialView | null = fetched;
    for (const change of changes.current)
      if (shown && change.seq > fetched.seq) shown = applySocialChanges(shown, change.changes);
    return shown;
  }, []);
  const show = useCallback(
    (next: SocialView) => {
      if (next.history && !historyLoaded.current) {
        historyLoaded.current = true;
        const step = (e: SocialHistoryEntry): Step => ({ ops: e.ops, at: e.at ?? 0, seq: e.seq });
        const history = next.history;
        setStacks((live) => ({
          undo: [...history.undo.map(step), ...live.undo],
          redo: live.redo.length ? live.redo : history.redo.map(step),
        }));
      }
      // An answer older than the view already shown never replaces it.
      if (base.current && next.seq < base.current.seq) return;
      base.current = next;
      changes.current = changes.current.filter((c) => c.seq > next.seq);
      setView(overlaid(next) ?? next);
    },
    [setStacks, overlaid],
  );
  const refresh = useCallback(async () => {
    const next = await fetchView();
    if (next) show(next);
  }, [fetchView, show]);

  /** A step's place: by the log's seq when known (every step the server answered), else by when it was made on this page. */
  const markOf = (step: Step | undefined): StepMark | null =>
    step ? (step.seq !== undefined ? { seq: step.seq } : { at: step.at }) : null;

  /** A `social` event of the stream: its changes in place, or a refetch when it carries none. */
  const receive = useCallback(
    (event: SocialEvent) => {
      if (!event.changes) {
        void refresh();
        return;
      }
      if (base.current && event.seq <= base.current.seq) return; // in the view already
      changes.current = [
        ...changes.current.slice(-(KEEP_CHANGES - 1)),
        { seq: event.seq, changes: event.changes },
      ];
      const current = base.current && overlaid(base.current);
      if (current) setView(current);
      else if (base.current) void refresh(); // a layer this view does not hold: ask again
    },
    [refresh, overlaid],
  );

  useEffect(() => {
    let current = true;
    void fetchView().then((next) => {
      if (current && next) show(next);
    });
    return () => {
      current = false;
    };
  }, [fetchView, show]);

  /** Sends a batch; the answer carries the ops that undo it (null when it cannot be undone). */
  const post = useCallback(
    async (
      ops: TSocialOpInput[],
      intent: Intent,
    ): Promise<{ ok: boolean; inverse: TSocialOpInput[] | null; seq?: number }> => {
      // One key for every attempt: a batch the server applied but whose answer was lost is not applied again.
      const idempotencyKey = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
      const sent = await retry<Sent>(
        async () => {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ ops, idempotencyKey, intent }),
          });
          const body = (await response.json().catch(() => null)) as {
            inverse?: TSocialOpInput[] | null;
            seq?: number;
            error?: { code: string; message: string };
          } | null;
          if (response.ok)
            return { kind: 'saved', inverse: body?.inverse ?? null, seq: body?.seq ?? 0 };
          if (response.status === 503) return { kind: 'unavailable' };
          return { kind: 'refused', message: body?.error?.message ?? 'That could not be saved.' };
        },
        {
          delays: SEND_RETRY_DELAYS,
          retryIf: (result) => result.kind === 'unavailable',
          onThrow: () => ({ kind: 'unavailable' }), // offline
        },
      );
      if (sent.kind === 'saved') return { ok: true, inverse: sent.inverse, seq: sent.seq };
      onError(
        sent.kind === 'refused'
          ? sent.message
          : 'The server could not be reached, so that was not saved. Try again.',
      );
      return { ok: false, inverse: null };
    },
    [url, headers, onError],
  );

  const send = useCallback(
    (ops: TSocialOpInput[]): Promise<boolean> =>
      inTurn(async () => {
        const { ok, inverse, seq } = await post(ops, 'do');
        if (ok && inverse)
          setStacks((s) => ({
            undo: [...s.undo, { ops: inverse, at: Date.now(), seq }],
            redo: [],
          }));
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
        setStacks((s) => ({ ...s, [from]: s[from].slice(0, -1) }) as Stacks);
        const { ok, inverse, seq } = await post(step.ops, intent);
        if (ok && inverse)
          setStacks(
            (s) => ({ ...s, [to]: [...s[to], { ops: inverse, at: Date.now(), seq }] }) as Stacks,
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
    receive,
    send,
    reveal,
    undo,
    redo,
    /** When the step an Undo would take back was made (ms since the epoch), or -1 for none. */
    undoAt: shownStacks.undo.at(-1)?.at ?? -1,
    /** Where the step an Undo would take back stands in the map's log (for ordering against map edits), or null for none. */
    undoMark: markOf(shownStacks.undo.at(-1)),
    redoMark: markOf(shownStacks.redo.at(-1)),
    /** When the step a Redo would bring back was undone, or -1 for none. */
    redoAt: shownStacks.redo.at(-1)?.at ?? -1,
  };
}
