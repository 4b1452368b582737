'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoundSummary } from '../domain/rounds/views';
import {
  openRoundStream,
  useOneReadAtATime,
  type ReadOutcome,
  type RoundStreamStatus,
} from './round-stream';

export type MapRoundsLive = {
  rounds: RoundSummary[];
  status: RoundStreamStatus;
};

/**
 * A map's list of practice rounds, live: the list the server rendered, read
 * again (`GET /api/maps/:id/rounds/list`, one read at a time) whenever the
 * map's stream brings a round batch that changes what the list shows: a
 * round made, corrected or deleted, a ballot released, or any round batch
 * that comes without its changes (a catch-up after a reconnect). A flow
 * entry or a clock command changes nothing listed and is passed over.
 */
export function useMapRounds(
  mapId: string,
  initial: { seq: number; rounds: RoundSummary[] },
): MapRoundsLive {
  const [rounds, setRounds] = useState(initial.rounds);
  const [status, setStatus] = useState<MapRoundsLive['status']>('reconnecting');
  /** The last round batch's log position seen (each is looked at once). */
  const seen = useRef(initial.seq);
  /** The last batch's position that changed the list: a read older than it is read again. */
  const wanted = useRef(initial.seq);

  const reload = useOneReadAtATime(
    useCallback(async (): Promise<ReadOutcome> => {
      const response = await fetch(`/api/maps/${encodeURIComponent(mapId)}/rounds/list`);
      if (!response.ok) return 'done';
      const fresh = (await response.json()) as { seq: number; rounds: RoundSummary[] };
      // Older than a batch the stream has brought meanwhile: read again rather than go back.
      if (fresh.seq < wanted.current) return 'stale';
      setRounds(fresh.rounds);
      return 'done';
    }, [mapId]),
  );

  useEffect(
    () =>
      openRoundStream(mapId, initial.seq, {
        setStatus,
        // Too far behind for a replay: read the list again.
        onSnapshot: () => void reload(),
        onRound: (round) => {
          if (round.seq <= seen.current) return;
          seen.current = round.seq;
          const changes = round.changes;
          const listed =
            !changes ||
            round.deleted ||
            changes.created ||
            changes.setup ||
            changes.ballots ||
            changes.deleted;
          if (!listed) return;
          wanted.current = round.seq;
          void reload();
        },
      }),
    [mapId, initial.seq, reload],
  );

  return { rounds, status };
}
