'use client';

import { EventSource } from 'eventsource';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { SourceChange } from '../domain/evidence/source-draft';
import type { ModerationStreamEvent } from '../domain/moderation/suggestions';
import type { MapSnapshot } from '../domain/types';
import type { MapStore, RemoteBatch, StoreNotice } from './map-store';
import type { PresenceStore } from './presence-store';
import type { PresentingStore } from './presenting-store';
import type { SocialEvent } from './use-social';
import { initialGraph } from './use-map-store';
import { shareTokenHeaders } from './share-token';

/** Whether edits arrive live. */
export type SyncStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

type Options = {
  store: MapStore;
  mapId: string;
  shareToken: string | null;
  /**
   * Each time the stream (re)opens: a reopened stream means the old one
   * closed, which the others took for this tab leaving, so it says it is here.
   */
  onLive?: () => void;
  /** Where the others' presence goes (it knows this tab's own client id). */
  presence: PresenceStore;
  /** Where a presenter's view goes (follow mode). */
  presenting?: PresentingStore;
  setNotice: (notice: StoreNotice | null) => void;
  /** Comments or a team layer changed: what changed, or (without changes) refetch what this reader may see. */
  onSocial?: (event: SocialEvent) => void;
  /** A source was added or its details changed (or the page started over): fetch the sources again. */
  onSources?: () => void;
  /** Someone voted, or the voting settings changed (or the page started over): fetch the votes again. */
  onVotes?: () => void;
  /**
   * Someone suggested, decided or flagged something (a batch of kind
   * 'moderation': which suggestion or flag, with no words in it), or with
   * null the page started over.
   */
  onModeration?: (event: ModerationStreamEvent | null) => void;
};

/**
 * Keeps the store in step with everyone else: one EventSource per open map
 * (it reconnects by itself with Last-Event-ID, and the server replays what
 * was missed), a fresh snapshot when this copy is out of step, and the
 * presence of the others.
 *
 * The EventSource is the `eventsource` package's, which streams through
 * fetch() and so can send a view link's token in the x-share-token header
 * like every other request of the page: a URL would put it in access logs.
 */
export function useMapSync({
  store,
  mapId,
  shareToken,
  presence,
  presenting,
  setNotice,
  onSocial,
  onSources,
  onVotes,
  onModeration,
  onLive,
}: Options) {
  const socialChanged = useEffectEvent((event: SocialEvent) => onSocial?.(event));
  const sourcesChanged = useEffectEvent(() => onSources?.());
  const votesChanged = useEffectEvent(() => onVotes?.());
  const moderationChanged = useEffectEvent((event: ModerationStreamEvent | null) =>
    onModeration?.(event),
  );
  const wentLive = useEffectEvent(() => onLive?.());
  const [status, setStatus] = useState<SyncStatus>('connecting');
  const source = useRef<EventSource | null>(null);

  useEffect(() => {
    let stopped = false;
    const stream = (since: string) =>
      new EventSource(
        // `client`: this tab, so that when its stream closes the others see it go,
        // even if it could not say goodbye (a crash, a killed tab).
        `/api/maps/${encodeURIComponent(mapId)}/events?since=${since}&client=${encodeURIComponent(presence.clientId)}`,
        {
          fetch: shareToken
            ? (url, init) =>
                fetch(url, {
                  ...init,
                  headers: { ...init.headers, ...shareTokenHeaders(shareToken) },
                })
            : undefined,
        },
      );
    const open = () => {
      source.current?.close();
      const events = stream(String(store.seq));
      source.current = events;
      events.addEventListener('open', () => {
        setStatus('live');
        wentLive();
      });
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
      events.addEventListener('source', (event) => {
        const batch = JSON.parse((event as MessageEvent<string>).data) as {
          seq: number;
          changes?: SourceChange[];
        };
        store.skipTo(batch.seq);
        for (const change of batch.changes ?? [])
          if (change.type === 'removeSource') store.forgetSource(change.id, batch.seq);
        sourcesChanged();
      });
      events.addEventListener('vote', (event) => {
        store.skipTo((JSON.parse((event as MessageEvent<string>).data) as { seq: number }).seq);
        votesChanged();
      });
      events.addEventListener('moderation', (event) => {
        const moderation = JSON.parse(
          (event as MessageEvent<string>).data,
        ) as ModerationStreamEvent;
        store.skipTo(moderation.seq);
        moderationChanged(moderation);
      });
      // A practice round's flow and clocks: the round's page follows them; the map only moves on.
      events.addEventListener('round', (event) =>
        store.skipTo((JSON.parse((event as MessageEvent<string>).data) as { seq: number }).seq),
      );
      events.addEventListener('skip', (event) =>
        store.skipTo((JSON.parse((event as MessageEvent<string>).data) as { seq: number }).seq),
      );
      events.addEventListener('snapshot', (event) => {
        const snapshot = JSON.parse((event as MessageEvent<string>).data) as MapSnapshot;
        store.reset(initialGraph(snapshot), snapshot.seq);
        sourcesChanged();
        votesChanged();
        moderationChanged(null);
      });
      events.addEventListener('presence', (event) =>
        presence.receive((event as MessageEvent<string>).data),
      );
      events.addEventListener('presenting', (event) =>
        presenting?.receive((event as MessageEvent<string>).data),
      );
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
      const events = stream('resync');
      source.current = events;
      events.addEventListener('snapshot', (event) => {
        const snapshot = JSON.parse((event as MessageEvent<string>).data) as MapSnapshot;
        store.reset(initialGraph(snapshot), snapshot.seq);
        sourcesChanged();
        votesChanged();
        open();
      });
    });
    open();
    const prune = setInterval(() => {
      presence.prune();
      presenting?.prune();
    }, 5_000);
    return () => {
      stopped = true;
      clearInterval(prune);
      source.current?.close();
      source.current = null;
    };
  }, [store, mapId, shareToken, presence, presenting, setNotice]);

  return { status };
}
