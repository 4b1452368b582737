'use client';

import { useCallback, useEffect, useMemo } from 'react';
import type { ModerationView, TDecision } from '../domain/moderation/suggestions';
import type { TOp } from '../domain/ops';
import { useLatestJson } from './use-latest-json';

type Settings =
  { requireApproval: boolean } | { addModerator: string } | { removeModerator: string };

/** What a refused moderation request answered: its code and words, for the caller to show. */
export type ModerationRefusal = { code: string; message: string };

/**
 * The map's moderation as this reader may see it (approval mode, the queue
 * for moderators, the reader's own suggestions and flags): fetched when the
 * page opens and whenever the stream says something was suggested, decided
 * or flagged (a batch of kind 'moderation' carries no words). A slower
 * answer never replaces a newer one.
 */
export function useModeration(mapId: string, shareToken: string | null) {
  const base = `/api/maps/${encodeURIComponent(mapId)}`;
  const headers = useMemo<Record<string, string>>(
    (): Record<string, string> => (shareToken ? { 'x-share-token': shareToken } : {}),
    [shareToken],
  );

  const [view, refresh] = useLatestJson<ModerationView | null>(`${base}/moderation`, headers, null);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Sends one request; null when it worked, else the refusal to show (nothing is dropped silently). */
  const send = useCallback(
    async (
      method: 'POST' | 'PATCH',
      path: string,
      body: unknown,
    ): Promise<ModerationRefusal | null> => {
      try {
        const response = await fetch(`${base}${path}`, {
          method,
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
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
    refresh,
    suggest: useCallback((ops: TOp[]) => send('POST', '/suggestions', { ops }), [send]),
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
