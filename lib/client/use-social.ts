'use client';

import { useCallback, useEffect, useState } from 'react';
import type { SocialView, TSocialOpInput } from '../domain/social';

type Options = { mapId: string; shareToken: string | null; onError: (message: string) => void };

/**
 * The comments and team layers this reader may see, refetched whenever the
 * stream says something social changed. Changes are sent as social ops; the
 * server decides, and the refetch shows the result.
 */
export function useSocial({ mapId, shareToken, onError }: Options) {
  const [view, setView] = useState<SocialView | null>(null);
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

  const send = useCallback(
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
          if (response.ok) {
            await refresh();
            return true;
          }
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
    [url, shareToken, refresh, onError],
  );

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

  return { view, refresh, send, reveal };
}
