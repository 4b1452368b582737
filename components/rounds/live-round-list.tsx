'use client';

import { useMapRounds } from '@/lib/client/use-map-rounds';
import type { RoundSummary } from '@/lib/domain/rounds/views';
import { RoundList } from './round-list';
import page from '@/components/ui/page.module.css';
import styles from './rounds.module.css';

/**
 * The map's rounds page's list, live: a round made, corrected or deleted,
 * or a ballot released, by anyone, shows without a reload (`useMapRounds`).
 */
export function LiveRoundList({
  mapId,
  initial,
  manage,
}: {
  mapId: string;
  initial: { seq: number; rounds: RoundSummary[] };
  /** The reader makes rounds here (the empty list says so). */
  manage: boolean;
}) {
  const { rounds, status } = useMapRounds(mapId, initial);
  return (
    <>
      <p className={styles.status} aria-live="polite">
        {status === 'live'
          ? 'Live'
          : status === 'reconnecting'
            ? 'Reconnecting…'
            : 'Not live: reload the page'}
      </p>
      {rounds.length === 0 ? (
        <p className={page.emptyState}>
          {manage ? 'No rounds yet: create the first below.' : 'No rounds on this map yet.'}
        </p>
      ) : (
        <RoundList rounds={rounds} />
      )}
    </>
  );
}
