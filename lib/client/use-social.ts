'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { backoffDelays, retry } from '../util/retry';
import type { Intent } from '../domain/history';
import {
  applySocialChanges,
  areaOf,
  type SocialArea,
  type SocialChanges,
  type SocialView,
  type TSocialOpInput,
} from '../domain/social';
import { useShareTokenHeaders } from './share-token';

/** An undo or redo step: the ops that perform it. */
type Step = { ops: TSocialOpInput[] };
type Stacks = { undo: Step[]; redo: Step[] };
/** Comments and notes are undone where they are written, each from its own stacks. */
type AllStacks = Record<SocialArea, Stacks>;
const NO_STEPS: AllStacks = {
  comments: { undo: [], redo: [] },
  notes: { undo: [], redo: [] },
};

/** Undo and Redo of one's own changes in one place (the discussion, or the team notes). */
export type SocialUndo = {
  canUndo: boolean;
  canRedo: boolean;
  /** Takes back the latest step; the server's reason when it refuses, else null. */
  undo: () => Promise<string | null>;
  redo: () => Promise<string | null>;
};

type Options = { mapId: string; shareToken: string | null; onError: (message: string) => void };

/** What one POST of a social batch came to. */
type Sent =
  | { kind: 'saved'; inverse: TSocialOpInput[] | null }
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
  // Own comments and notes can be undone where they were written (never by
  // the map's Undo). The ref holds the stacks an undo reads when it actually
  // runs (not when it was clicked); the state is the copy rendering reads.
  const stacks = useRef<AllStacks>(NO_STEPS);
  const [shownStacks, setShownStacks] = useState<AllStacks>(NO_STEPS);
  const setStacks = useCallback((area: SocialArea, change: (s: Stacks) => Stacks) => {
    stacks.current = { ...stacks.current, [area]: change(stacks.current[area]) };
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
  const headers = useShareTokenHeaders(shareToken);
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
        for (const [area, history] of Object.entries(next.history) as [SocialArea, Stacks][])
          setStacks(area, (live) => ({
            undo: [...history.undo.map(({ ops }) => ({ ops })), ...live.undo],
            redo: live.redo.length ? live.redo : history.redo.map(({ ops }) => ({ ops })),
          }));
      }
      // An answer older than the view already shown never replaces it.
      if (base.current && next.seq < base.current.seq) return;
      // Moved to another team: the notes written in the old team's layer stay
      // with that team, so their steps leave this reader's Undo.
      if (base.current && base.current.myTeam?.id !== next.myTeam?.id)
        setStacks('notes', () => ({ undo: [], redo: [] }));
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
    ): Promise<{ ok: boolean; inverse: TSocialOpInput[] | null; refusal?: string }> => {
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
            error?: { code: string; message: string };
          } | null;
          if (response.ok) return { kind: 'saved', inverse: body?.inverse ?? null };
          if (response.status === 503) return { kind: 'unavailable' };
          return { kind: 'refused', message: body?.error?.message ?? 'That could not be saved.' };
        },
        {
          delays: SEND_RETRY_DELAYS,
          retryIf: (result) => result.kind === 'unavailable',
          onThrow: () => ({ kind: 'unavailable' }), // offline
        },
      );
      if (sent.kind === 'saved') return { ok: true, inverse: sent.inverse };
      const refusal =
        sent.kind === 'refused'
          ? sent.message
          : 'The server could not be reached, so that was not saved. Try again.';
      // An undo's refusal is told where Undo was pressed (see `travel`).
      if (intent === 'do') onError(refusal);
      return { ok: false, inverse: null, refusal };
    },
    [url, headers, onError],
  );

  const send = useCallback(
    (ops: TSocialOpInput[]): Promise<boolean> =>
      inTurn(async () => {
        const { ok, inverse } = await post(ops, 'do');
        if (ok && inverse)
          setStacks(areaOf(ops), (s) => ({ undo: [...s.undo, { ops: inverse }], redo: [] }));
        if (ok) await refresh();
        return ok;
      }),
    [inTurn, post, refresh, setStacks],
  );

  /**
   * Undoes or redoes the latest step of one area. A refused step is dropped
   * (an undo that would remove a comment someone replied to stays refused)
   * and its reason returned, for the place Undo was pressed to show.
   */
  const travel = useCallback(
    (area: SocialArea, intent: 'undo' | 'redo'): Promise<string | null> =>
      inTurn(async () => {
        const [from, to] =
          intent === 'undo' ? (['undo', 'redo'] as const) : (['redo', 'undo'] as const);
        const step = stacks.current[area][from].at(-1);
        if (!step) return null;
        setStacks(area, (s) => ({ ...s, [from]: s[from].slice(0, -1) }));
        const { ok, inverse, refusal } = await post(step.ops, intent);
        if (ok && inverse) setStacks(area, (s) => ({ ...s, [to]: [...s[to], { ops: inverse }] }));
        if (ok) await refresh();
        return refusal ?? null;
      }),
    [inTurn, post, refresh, setStacks],
  );
  const undoOf = useCallback(
    (area: SocialArea): SocialUndo => ({
      canUndo: shownStacks[area].undo.length > 0,
      canRedo: shownStacks[area].redo.length > 0,
      undo: () => travel(area, 'undo'),
      redo: () => travel(area, 'redo'),
    }),
    [shownStacks, travel],
  );
  const commentsUndo = useMemo(() => undoOf('comments'), [undoOf]);
  const notesUndo = useMemo(() => undoOf('notes'), [undoOf]);

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
    /** Undo and Redo of one's own comments (in the discussion) and of one's team notes. */
    undo: { comments: commentsUndo, notes: notesUndo },
  };
}
