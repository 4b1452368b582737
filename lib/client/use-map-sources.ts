'use client';

import { useEffect, useRef } from 'react';
import type { GraphNode, SourceDoc } from '../domain/types';
import { useLatestJson } from './use-latest-json';
import { useShareTokenHeaders } from './share-token';

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
  const headers = useShareTokenHeaders(shareToken);
  const [sources, refresh] = useLatestJson<SourceDoc[]>(
    `/api/maps/${encodeURIComponent(mapId)}/sources`,
    headers,
    initial,
  );

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
