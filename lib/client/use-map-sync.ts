'use client';

import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { MapSnapshot } from '../domain/types';
import type { MapStore, RemoteBatch, StoreNotice } from './map-store';
import type { SocialEvent } from './use-social';
import { initialGraph } from './use-map-store';

/** Whether edits arrive live. */
export type SyncStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** Someone else with the map open: who, what they have selected, and where their cursor is. */
export type PresenceEntry = {
  clientId: string;
  userId: string | null;
  name: string;
  color: string;
  selection: string | null;
  cursor: { x: number; y: number } | null;
  left: boolean;
  at: number;
};

/** Others are forgotten this long after their last sign of life. */
const PRESENCE_TTL_MS = 30_000;

type Options = {
  store: MapStore;
  mapId: string;
  shareToken: string | null;
  clientId: string;
  setNotice: (notice: StoreNotice | null) => void;
  /** Comments or a team layer changed: what changed, or (without changes) refetch what this reader may see. */
  onSocial?: (event: SocialEvent) => void;
};

/**
 * Keeps the store in step with everyone else: one EventSource per open map
 * (it reconnects by itself with Last-Event-ID, and the server replays what
 * was missed), a fresh snapshot when this copy is out of step, and the
 * presence of the others.
 */
export function useMapSync({ store, mapId, shareToken, clientId, setNotice, onSocial }: Options) {
  const socialChanged = useEffectEvent((event: SocialEvent) => onSocial?.(event));
  const [status, setStatus] = useState<SyncStatus>('connecting');
  const [others, setOthers] = useState<Map<string, PresenceEntry>>(new Map());
  const source = useRef<EventSource | null>(null);

  useEffect(() => {
    let stopped = false;
    const share = shareToken ? `&share=${encodeURIComponent(shareToken)}` : '';
    const open = () => {
      source.current?.close();
      const events = new EventSource(
        `/api/maps/${encodeURIComponent(mapId)}/events?since=${store.seq}${share}`,
      );
      source.current = events;
      events.addEventListener('open', () => setStatus('live'));
      events.addEventListener('error', () =>
        setStatus(events.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'),
      );
      events.addEventListener('ops', (event) =>
        store.receive(JSON.parse((event as MessageEvent<string>).data) as RemoteBatch),
      );
      events.addEventListener('social', (event) => {
        const social = JSON.parse((event as MessageEvent<string>).data) as SocialEvent;
        store.skipTo(social.seq);
        socialChanged(social);
      });
      events.addEventListener('skip', (event) =>
        store.skipTo((JSON.parse((event as MessageEvent<string>).data) as { seq: number }).seq),
      );
      events.addEventListener('snapshot', (event) => {
        const snapshot = JSON.parse((event as MessageEvent<string>).data) as MapSnapshot;
        store.reset(initialGraph(snapshot), snapshot.seq);
      });
      events.addEventListener('presence', (event) => {
        const entry = JSON.parse((event as MessageEvent<string>).data) as PresenceEntry;
        if (entry.clientId === clientId) return;
        setOthers((current) => {
          const next = new Map(current);
          if (entry.left) next.delete(entry.clientId);
          else next.set(entry.clientId, { ...entry, at: Date.now() });
          return next;
        });
      });
      events.addEventListener('revoked', (event) => {
        events.close();
        setStatus('closed');
        setNotice({
          kind: 'refused',
          message: (JSON.parse((event as MessageEvent<string>).data) as { message: string })
            .message,
        });
      });
    };
    // Out of step: start over from the stream's snapshot (an unusable resume point sends one).
    store.whenOutOfStep(() => {
      if (stopped) return;
      source.current?.close();
      const events = new EventSource(
        `/api/maps/${encodeURIComponent(mapId)}/events?since=resync${share}`,
      );
      source.current = events;
      events.addEventListener('snapshot', (event) => {
        const snapshot = JSON.parse((event as MessageEvent<string>).data) as MapSnapshot;
        store.reset(initialGraph(snapshot), snapshot.seq);
        open();
      });
    });
    open();
    const prune = setInterval(() => {
      setOthers((current) => {
        const now = Date.now();
        const fresh = [...current].filter(([, p]) => now - p.at < PRESENCE_TTL_MS);
        return fresh.length === current.size ? current : new Map(fresh);
      });
    }, 5_000);
    return () => {
      stopped = true;
      clearInterval(prune);
      source.current?.close();
      source.current = null;
    };
  }, [store, mapId, shareToken, clientId, setNotice]);

  return { status, others };
}
