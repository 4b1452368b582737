'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClockState, FlowEntry, TRoundOpInput } from '../domain/rounds/types';
import type { RoundView } from '../domain/rounds/views';
import { newId } from './ids';
import {
  openRoundStream,
  useOneReadAtATime,
  type ReadOutcome,
  type RoundStreamStatus,
} from './round-stream';
import { refusalOf } from './refusal';

export type RoundLive = {
  view: RoundView;
  entries: FlowEntry[];
  clock: ClockState;
  /** The server's time now, as this page best knows it (running clocks count from it). */
  serverNow: () => number;
  status: RoundStreamStatus;
  /** The round was deleted while the page was open. */
  gone: boolean;
  /** Sends ops; resolves to the server's refusal, or null once saved. */
  send: (ops: TRoundOpInput[]) => Promise<string | null>;
  /** Reads the whole round again (after a ballot is saved, say). */
  reload: () => Promise<void>;
};

const sortEntries = (entries: FlowEntry[]) =>
  entries.toSorted((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

/**
 * A round's page, live: the view the server rendered, then every round batch
 * of the map's stream (the same stream the map uses, so the flow, the clocks
 * and released results reach everyone in order, across app instances). A
 * batch of another round is passed over; one that comes without its changes
 * (a catch-up after a reconnect) reads the round again.
 */
export function useRound(initial: RoundView): RoundLive {
  const [view, setView] = useState(initial);
  const [entries, setEntries] = useState(() => sortEntries(initial.entries));
  const [clock, setClock] = useState(initial.clock);
  const [status, setStatus] = useState<RoundLive['status']>('reconnecting');
  const [gone, setGone] = useState(false);
  /** Server time minus this page's time, measured when the round was read (first use). */
  const offset = useRef<number | null>(null);
  const skew = useCallback(
    () => (offset.current ??= initial.serverNow - Date.now()),
    [initial.serverNow],
  );
  /** The last log position applied: older news never overwrites newer. */
  const seq = useRef(initial.seq);
  const roundId = initial.id;
  const mapId = initial.map.id;

  const reload = useOneReadAtATime(
    useCallback(async (): Promise<ReadOutcome> => {
      const sent = Date.now();
      const response = await fetch(`/api/rounds/${encodeURIComponent(roundId)}`);
      const answered = Date.now();
      if (response.status === 404) {
        setGone(true);
        return 'done';
      }
      if (!response.ok) return 'done';
      const fresh = (await response.json()) as RoundView;
      // The server's time was read about halfway between asking and the answer.
      offset.current = fresh.serverNow - (sent + answered) / 2;
      // Older than what the stream has applied meanwhile: read again rather than go back.
      if (fresh.seq < seq.current) return 'stale';
      seq.current = fresh.seq;
      setView(fresh);
      setEntries(sortEntries(fresh.entries));
      setClock(fresh.clock);
      return 'done';
    }, [roundId]),
  );
  // Once on arrival: measures this screen's clock against the server's (the page may have taken a while).
  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(
    () =>
      openRoundStream(mapId, initial.seq, {
        setStatus,
        // Too far behind for a replay: read the round again.
        onSnapshot: () => void reload(),
        onRound: (round, close) => {
          if (round.seq <= seq.current) return;
          seq.current = round.seq;
          if (round.roundId !== roundId) return;
          const changes = round.changes;
          // Not read again: there is nothing left to read (and asking would be answered 404).
          if (round.deleted || changes?.deleted) {
            close();
            return setGone(true);
          }
          // Without its changes (a catch-up), with a released ballot or a corrected line-up: read the round again.
          if (!changes || changes.ballots || changes.setup) return void reload();
          if (changes.clock) setClock(changes.clock);
          if (changes.entries.length || changes.removedEntries.length)
            setEntries((now) => {
              const gone = new Set([
                ...changes.removedEntries,
                ...changes.entries.map((e) => e.id),
              ]);
              return sortEntries([...now.filter((e) => !gone.has(e.id)), ...changes.entries]);
            });
        },
      }),
    [mapId, roundId, initial.seq, reload],
  );

  const send = useCallback(
    async (ops: TRoundOpInput[]): Promise<string | null> => {
      // New entries show at once (the stream's copy replaces them); a refusal takes them away.
      const added: FlowEntry[] = ops.flatMap((op) =>
        op.type === 'addEntry'
          ? [
              {
                id: op.id,
                speech: op.speech,
                answersId: op.answersId ?? null,
                relation: op.relation ?? null,
                nodeId: op.nodeId ?? null,
                text: op.text.trim(),
                teamId: op.teamId ?? null,
                authorId: initial.me.id,
                createdAt: new Date(Date.now() + skew()).toISOString(),
                version: 1,
              },
            ]
          : [],
      );
      if (added.length) setEntries((now) => sortEntries([...now, ...added]));
      const takeBack = () => {
        const ids = new Set(added.map((e) => e.id));
        if (ids.size) setEntries((now) => now.filter((e) => !ids.has(e.id)));
      };
      try {
        const response = await fetch(`/api/rounds/${encodeURIComponent(roundId)}/ops`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ops, idempotencyKey: newId() }),
        });
        if (response.ok) return null;
        takeBack();
        return refusalOf(response, 'The change was not saved. Try again.');
      } catch {
        // It may have been saved before the connection dropped: the round is read again to tell.
        void reload();
        return 'The connection dropped: the flow is read again to show what was saved.';
      }
    },
    [roundId, initial.me.id, skew, reload],
  );

  const serverNow = useCallback(() => Date.now() + skew(), [skew]);
  return { view, entries, clock, serverNow, status, gone, send, reload };
}
