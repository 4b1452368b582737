'use client';

import { useCallback, useState } from 'react';
import type { StoreNotice } from '@/lib/client/map-store';
import { initialGraph } from '@/lib/client/use-map-store';
import type { HistoryItem } from '@/lib/domain/history';
import type { GraphState } from '@/lib/domain/ops';
import type { MapSnapshot } from '@/lib/domain/types';
import { shareTokenHeaders } from '@/lib/client/share-token';

/** The map as it was after one change of its history. */
export type PastView = { item: HistoryItem; graph: GraphState };

/**
 * Looking at the map as it was at an earlier change: read-only until the
 * reader leaves it ("Back to now").
 */
export function usePastView(
  mapId: string,
  shareToken: string | null,
  setNotice: (notice: StoreNotice | null) => void,
) {
  const [past, setPast] = useState<PastView | null>(null);

  const show = useCallback(
    async (item: HistoryItem) => {
      const response = await fetch(`/api/maps/${encodeURIComponent(mapId)}?at=${item.seq}`, {
        headers: shareTokenHeaders(shareToken),
      });
      if (!response.ok)
        return setNotice({
          kind: 'local',
          message: 'That point in the history could not be shown.',
        });
      setPast({ item, graph: initialGraph((await response.json()) as MapSnapshot) });
    },
    [mapId, shareToken, setNotice],
  );

  const leave = useCallback(() => setPast(null), []);

  return { past, show, leave };
}
