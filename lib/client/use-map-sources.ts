'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphNode, SourceDoc } from '../domain/types';

/**
 * The map's sources as this page knows them: the snapshot's, then fetched
 * again whenever the stream says one was added or changed, or a card
 * arrives quoting a source this page has not seen (an import of Word cards
 * adds sources and their evidence in one graph batch). A slower answer
 * never replaces a newer one.
 */
export function useMapSources(
  mapId: string,
  initial: SourceDoc[],
  shareToken: string | null,
  nodes: readonly GraphNode[],
) {
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

  // Asked once for each source a card quotes that this page does not have.
  const missingAskedFor = useRef(new Set<string>());
  useEffect(() => {
    const known = new Set(sources.map((s) => s.id));
    const missing = nodes
      .map((n) => n.anchor?.sourceId)
      .filter((id): id is string => !!id && !known.has(id) && !missingAskedFor.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) missingAskedFor.current.add(id);
    void refresh();
  }, [nodes, sources, refresh]);

  return { sources, refresh };
}
