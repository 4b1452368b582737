'use client';

import { useCallback, useEffect } from 'react';
import type { VotesView } from '../domain/votes';
import { useLatestJson } from './use-latest-json';
import { useShareTokenHeaders } from './share-token';

type Settings = { blind: boolean } | { addPerspective: string } | { removePerspective: string };

/**
 * The map's votes as this reader may see them: fetched when the page opens
 * and again whenever the stream says someone voted (a batch of kind 'vote'
 * names the claim, never the value). A slower answer never replaces a newer one.
 */
export function useMapVotes(
  mapId: string,
  shareToken: string | null,
  onError: (message: string) => void,
) {
  const url = `/api/maps/${encodeURIComponent(mapId)}/votes`;
  const headers = useShareTokenHeaders(shareToken);

  const [view, refresh] = useLatestJson<VotesView | null>(url, headers, null);

  useEffect(() => {
    // The first fetch of the page: the stream tells of every change after it.

    void refresh();
  }, [refresh]);

  const send = useCallback(
    async (method: 'PUT' | 'PATCH', body: unknown): Promise<boolean> => {
      try {
        const response = await fetch(url, {
          method,
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (!response.ok) {
          const answer = (await response.json().catch(() => null)) as {
            error?: { message?: string };
          } | null;
          onError(answer?.error?.message ?? 'Your vote could not be saved. Try again.');
          return false;
        }
        await refresh();
        return true;
      } catch {
        onError('Your vote could not be saved: you seem to be offline.');
        return false;
      }
    },
    [url, headers, refresh, onError],
  );

  const vote = useCallback(
    (nodeId: string, perspective: string, impact: number | null) =>
      send('PUT', { nodeId, perspective, impact }),
    [send],
  );
  const changeSettings = useCallback((settings: Settings) => send('PATCH', settings), [send]);

  return { view, refresh, vote, changeSettings };
}

export type MapVotes = ReturnType<typeof useMapVotes>;
