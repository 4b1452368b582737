'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import styles from './rounds.module.css';

type NodeRoundsMap = Record<string, { roundId: string; number: number; speeches: string[] }[]>;

/**
 * The practice rounds a card came up in (a shared flow entry linked to it),
 * with the speeches, each a link to the round: shown with the selected card
 * on the map.
 */
export function NodeRounds({ mapId, nodeId }: { mapId: string; nodeId: string | null }) {
  const [rounds, setRounds] = useState<NodeRoundsMap | null>(null);
  useEffect(() => {
    if (!nodeId) return;
    let stale = false;
    void fetch(`/api/maps/${encodeURIComponent(mapId)}/rounds`)
      .then((r) => (r.ok ? (r.json() as Promise<NodeRoundsMap>) : null))
      .then((found) => !stale && setRounds(found))
      .catch(() => {});
    return () => {
      stale = true;
    };
  }, [mapId, nodeId]);
  const here = nodeId ? rounds?.[nodeId] : undefined;
  if (!here?.length) return null;
  return (
    <p className={styles.nodeRounds}>
      Came up in{' '}
      {here.map((r, i) => (
        <span key={r.roundId}>
          {i > 0 ? ', ' : ''}
          <Link href={`/maps/${mapId}/rounds/${r.roundId}`}>Round {r.number}</Link> (
          {r.speeches.join(', ')})
        </span>
      ))}
    </p>
  );
}
