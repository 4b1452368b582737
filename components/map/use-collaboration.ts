'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { newId } from '@/lib/client/ids';
import type { MapStore, StoreNotice } from '@/lib/client/map-store';
import { PresenceStore } from '@/lib/client/presence-store';
import { PresentingStore } from '@/lib/client/presenting-store';
import { useMapSync } from '@/lib/client/use-map-sync';
import { usePresence } from '@/lib/client/use-presence';
import { useSocial } from '@/lib/client/use-social';
import type { ModerationStreamEvent } from '@/lib/domain/moderation/suggestions';
import { useTeamLayers } from './use-team-layers';

type Options = {
  mapId: string;
  shareToken: string | null;
  store: MapStore;
  setNotice: (notice: StoreNotice | null) => void;
  /** This reader's selected node, shown to the others. */
  selection: string | null;
  /** A source was added or changed. */
  onSources?: () => void;
  /** Someone voted, or the voting settings changed. */
  onVotes?: () => void;
  /** A moderation batch (which suggestion or flag), or null when the page started over. */
  onModeration?: (event: ModerationStreamEvent | null) => void;
};

/**
 * Everyone else: their edits arriving live, who is here and what they have
 * selected, and the comments and team layers this reader may see.
 */
export function useCollaboration({
  mapId,
  shareToken,
  store,
  setNotice,
  selection,
  onSources,
  onVotes,
  onModeration,
}: Options) {
  const [clientId] = useState(() => newId());
  // Others' cursors and selections live in a store of their own, read by
  // what draws them: a cursor moving re-renders the cursors, not the map.
  // Set below, once usePresence gives it: useMapSync needs it first.
  const announceRef = useRef<() => void>(() => {});
  const [presence] = useState(() => new PresenceStore(clientId));
  const [presenting] = useState(() => new PresentingStore(clientId));
  const reportSocialError = useCallback(
    (message: string) => setNotice({ kind: 'refused', message }),
    [setNotice],
  );
  const social = useSocial({ mapId, shareToken, onError: reportSocialError });
  const onLive = useCallback(() => announceRef.current(), []);
  const { status } = useMapSync({
    onLive,
    store,
    mapId,
    shareToken,
    presence,
    presenting,
    setNotice,
    onSocial: social.receive,
    onSources,
    onVotes,
    onModeration,
  });
  const layers = useTeamLayers(social.view);
  const { reportCursor, announce } = usePresence({ mapId, clientId, shareToken, selection });
  useEffect(() => {
    announceRef.current = announce;
  }, [announce]);
  useEffect(() => presence.whenTakenForGone(announce), [presence, announce]);

  return {
    social,
    layers,
    status,
    presence,
    presenting,
    clientId,
    reportCursor,
    reportSocialError,
  };
}
