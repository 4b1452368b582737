'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { VotesView } from '../domain/votes';

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
  const [view, setView] = useState<VotesView | null>(null);
  const asked = useRef(0);
  const url = `/api/maps/${encodeURIComponent(mapId)}/votes`;
  const headers = useMemo<Record<string, string>>(
    (): Record<string, string> => (shareToken ? { 'x-share-token': shareToken } : {}),
    [shareToken],
  );

  const refresh = useCallback(async () => {
    const ask = ++asked.current;
    try {
      const response = await fetch(url, { headers: headers });
      if (!response.ok || ask !== asked.current) return;
      const next = (await response.json()) as VotesView;
      if (ask === asked.current) setView(next);
    } catch {
      // Offline: the stream's next catch-up asks again.
    }
  }, [url, headers]);

  useEffect(() => {
    // The first fetch of the page: the stream tells of every change after it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
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
