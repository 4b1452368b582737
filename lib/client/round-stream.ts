'use client';

import { EventSource } from 'eventsource';
import { useCallback, useRef } from 'react';
import type { RoundChanges } from '../domain/rounds/views';

/** A round batch of the map's stream, as a rounds page reads it. */
export type RoundEvent = {
  seq: number;
  actorId?: string | null;
  roundId?: string;
  /** The round was deleted (said also when the batch comes without its changes, in a catch-up). */
  deleted?: boolean;
  changes?: RoundChanges;
};

export type RoundStreamStatus = 'live' | 'reconnecting' | 'closed';

/**
 * The map's event stream from `since`, for a page of its rounds (one round's
 * page, the rounds list): each round batch goes to `onRound` with a function
 * that closes the stream for good; a `snapshot` (too far behind for a replay)
 * to `onSnapshot`; the connection's state to `setStatus`. A revoked reader's
 * stream closes. Returns the function that closes it (an effect's clean-up).
 */
export function openRoundStream(
  mapId: string,
  since: number,
  handlers: {
    onRound: (round: RoundEvent, close: () => void) => void;
    onSnapshot: () => void;
    setStatus: (status: RoundStreamStatus) => void;
  },
): () => void {
  const { onRound, onSnapshot, setStatus } = handlers;
  const events = new EventSource(`/api/maps/${encodeURIComponent(mapId)}/events?since=${since}`);
  const close = () => {
    events.close();
    setStatus('closed');
  };
  events.addEventListener('open', () => setStatus('live'));
  events.addEventListener('error', () =>
    setStatus(events.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'),
  );
  events.addEventListener('round', (event) =>
    onRound(JSON.parse((event as MessageEvent<string>).data) as RoundEvent, close),
  );
  events.addEventListener('snapshot', onSnapshot);
  events.addEventListener('revoked', close);
  return () => events.close();
}

/** What one reading made of its answer: done, or older than the stream's news, so read again. */
export type ReadOutcome = 'done' | 'stale';

/**
 * A page's reading of what it shows, one at a time: asked again while a
 * reading is under way, it reads once more after it (news came meanwhile);
 * an answer older than the stream's news (`read` says 'stale') is read
 * again, up to five times. A reading lost with the connection is dropped:
 * the stream's catch-up after it reconnects asks again.
 */
export function useOneReadAtATime(read: () => Promise<ReadOutcome>): () => Promise<void> {
  const loading = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  return useCallback((): Promise<void> => {
    if (loading.current) {
      again.current = true;
      return loading.current;
    }
    const run = async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        again.current = false;
        if ((await read()) === 'stale') continue;
        if (!again.current) return;
      }
    };
    loading.current = run()
      .catch(() => {})
      .finally(() => {
        loading.current = null;
      });
    return loading.current;
  }, [read]);
}
