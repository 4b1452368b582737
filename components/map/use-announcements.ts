'use client';

import { useEffect, useEffectEvent, useState } from 'react';
import type { MapStore } from '@/lib/client/map-store';
import type { PresenceStore } from '@/lib/client/presence-store';
import { describeChange } from '@/lib/domain/announce';

/** How many announcements the live region keeps (older ones leave it). */
const KEPT = 5;

export type Announcement = { id: number; text: string };

/**
 * Sentences about what others change on the map ("Ana added an objection to
 * “…”"), for a polite live region: a screen reader user hears about a card
 * added beside the one they are reading, as a sighted user sees it appear.
 * Own batches (this account's, in any tab) are not announced.
 */
export function useAnnouncements({
  store,
  presence,
  people,
  ownActorId,
}: {
  store: MapStore;
  presence: PresenceStore;
  /** Everyone who can read the map, by user id (the discussion's list), once it has loaded. */
  people: { id: string; name: string }[] | undefined;
  ownActorId: string | null;
}): Announcement[] {
  const [said, setSaid] = useState<Announcement[]>([]);
  const nameOf = useEffectEvent((actorId: string | null) => {
    if (!actorId) return 'Someone';
    const online = presence.getPeople().find((p) => p.userId === actorId);
    return online?.name ?? people?.find((p) => p.id === actorId)?.name ?? 'Someone';
  });
  const own = useEffectEvent(
    (actorId: string | null) => actorId !== null && actorId === ownActorId,
  );
  useEffect(
    () =>
      store.onRemote((batch, view) => {
        if (own(batch.actorId)) return;
        const change = describeChange(batch.ops, view);
        if (!change) return;
        const text = `${nameOf(batch.actorId)} ${change}.`;
        setSaid((current) => [...current.slice(1 - KEPT), { id: batch.seq, text }]);
      }),
    [store],
  );
  return said;
}
