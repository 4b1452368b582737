'use client';

import { useCallback, useRef, useState } from 'react';
import type { SourceDoc } from '../domain/types';

/**
 * The map's sources as this page knows them: the snapshot's, then fetched
 * again whenever the stream says one was added or changed. A slower answer
 * never replaces a newer one.
 */
export function useMapSources(mapId: string, initial: SourceDoc[], shareToken: string | null) {
  const [sources, setSources] = useState(initial);
  const asked = useRef(0);
  const refresh = useCallback(async () => {
    const ask = ++asked.current;
    try {
      const response = await fetch(`/api/maps/${encodeURIComponent(mapId)}/sources`, {
        headers: shareToken ? { 'x-share-token': shareToken } : undefined,
      });
      if (!response.ok || ask !== asked.current) return;
      const list = (await response.json()) as SourceDoc[];
      if (ask === asked.current) setSources(list);
    } catch {
      // Offline: the stream's next catch-up asks again.
    }
  }, [mapId, shareToken]);
  return { sources, refresh };
}
