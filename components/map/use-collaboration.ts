'use client';

import { useCallback, useMemo, useState } from 'react';
import { newId } from '@/lib/client/ids';
import type { MapStore, StoreNotice } from '@/lib/client/map-store';
import type { Watcher } from '@/lib/client/to-flow';
import { useMapSync } from '@/lib/client/use-map-sync';
import { usePresence } from '@/lib/client/use-presence';
import { useSocial } from '@/lib/client/use-social';
import { useTeamLayers } from './use-team-layers';

type Options = {
  mapId: string;
  shareToken: string | null;
  store: MapStore;
  setNotice: (notice: StoreNotice | null) => void;
  /** This reader's selected node, shown to the others. */
  selection: string | null;
};

/**
 * Everyone else: their edits arriving live, who is here and what they have
 * selected, and the comments and team layers this reader may see.
 */
export function useCollaboration({ mapId, shareToken, store, setNotice, selection }: Options) {
  const [clientId] = useState(() => newId());
  const reportSocialError = useCallback(
    (message: string) => setNotice({ kind: 'refused', message }),
    [setNotice],
  );
  const social = useSocial({ mapId, shareToken, onError: reportSocialError });
  const { status, others } = useMapSync({
    store,
    mapId,
    shareToken,
    clientId,
    setNotice,
    onSocial: social.receive,
  });
  const layers = useTeamLayers(social.view);
  const { reportCursor } = usePresence({ mapId, clientId, shareToken, selection });
  const present = useMemo(() => [...others.values()], [others]);
  /** Who else has each node selected. */
  const watchers = useMemo(() => {
    const byNode = new Map<string, Watcher[]>();
    for (const p of present)
      if (p.selection)
        byNode.set(p.selection, [
          ...(byNode.get(p.selection) ?? []),
          { name: p.name, color: p.color },
        ]);
    return byNode;
  }, [present]);

  return { social, layers, status, present, watchers, reportCursor, reportSocialError };
}
