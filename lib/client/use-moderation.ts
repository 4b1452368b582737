'use client';

import { useCallback, useEffect, useRef } from 'react';
import {
  concernsReader,
  type ModerationStreamEvent,
  type ModerationView,
  type TDecision,
} from '../domain/moderation/suggestions';
import type { TOp } from '../domain/ops';
import { newId } from './ids';
import { useLatestJson } from './use-latest-json';
import { useShareTokenHeaders } from './share-token';

type Settings =
  { requireApproval: boolean } | { addModerator: string } | { removeModerator: string };

/** What a refused moderation request answered: its code and words, for the caller to show. */
export type ModerationRefusal = { code: string; message: string };

/**
 * The map's moderation as this reader may see it (approval mode, the queue
 * for moderators, the reader's own suggestions and flags): fetched when the
 * page opens and when the stream says something this view shows was
 * suggested, decided or flagged (`changed`: a batch of kind 'moderation'
 * names the suggestion or flag by id, with no words). A slower answer never
 * replaces a newer one.
 */
export function useModeration(mapId: string, shareToken: string | null) {
  const base = `/api/maps/${encodeURIComponent(mapId)}`;
  const headers = useShareTokenHeaders(shareToken);

  const [view, refresh] = useLatestJson<ModerationView | null>(`${base}/moderation`, headers, null);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // What the page shows now, for deciding whether a stream event concerns it.
  const shown = useRef(view);
  useEffect(() => {
    shown.current = view;
  }, [view]);
  /** A moderation batch arrived (null: the page started over): fetch the view again if it shows what changed. */
  const changed = useCallback(
    (event: ModerationStreamEvent | null) => {
      if (event === null || concernsReader(event, shown.current)) void refresh();
    },
    [refresh],
  );

  /**
   * Sends one request; null when it worked, else the refusal to show
   * (nothing is dropped silently). With `retries`, a request whose answer
   * never came (offline for a moment) is sent again as it was: only a body
   * with an idempotency key may be.
   */
  const send = useCallback(
    async (
      method: 'POST' | 'PATCH',
      path: string,
      body: unknown,
      retries = 0,
    ): Promise<ModerationRefusal | null> => {
      try {
        let response: Response | undefined;
        for (let attempt = 0; !response; attempt++) {
          try {
            response = await fetch(`${base}${path}`, {
              method,
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            });
          } catch (error) {
            if (attempt >= retries) throw error;
            await new Promise((resolve) => setTimeout(resolve, 1_000));
          }
        }
        if (!response.ok) {
          const answer = (await response.json().catch(() => null)) as {
            error?: { code?: string; message?: string };
          } | null;
          return {
            code: answer?.error?.code ?? 'UNAVAILABLE',
            message: answer?.error?.message ?? 'That could not be saved. Try again.',
          };
        }
        await refresh();
        return null;
      } catch {
        return { code: 'UNAVAILABLE', message: 'That could not be sent: you seem to be offline.' };
      }
    },
    [base, headers, refresh],
  );

  return {
    view,
    changed,
    // One key per suggestion: a retry after a lost answer suggests once.
    suggest: useCallback(
      (ops: TOp[]) => send('POST', '/suggestions', { ops, idempotencyKey: newId() }, 1),
      [send],
    ),
    decide: useCallback(
      (id: string, decision: TDecision) =>
        send('PATCH', `/suggestions/${encodeURIComponent(id)}`, decision),
      [send],
    ),
    flag: useCallback(
      (nodeId: string, reason: string) => send('POST', '/flags', { nodeId, reason }),
      [send],
    ),
    resolveFlag: useCallback(
      (id: string, action: 'dismiss' | 'delete') =>
        send('PATCH', `/flags/${encodeURIComponent(id)}`, { action }),
      [send],
    ),
    changeSettings: useCallback(
      (settings: Settings) => send('PATCH', '/moderation', settings),
      [send],
    ),
  };
}

export type Moderation = ReturnType<typeof useModeration>;
