'use client';

import { useCallback, useMemo, useState } from 'react';
import type { StoreNotice } from '@/lib/client/map-store';
import { useMapVotes } from '@/lib/client/use-map-votes';
import { meanImpacts } from '@/lib/domain/votes';

const NONE: ReadonlyMap<string, number> = new Map();

/**
 * The map page's votes: what this reader may see of them, kept fresh by the
 * stream (pass `refresh` as the collaboration's onVotes), and whether the
 * cards are coloured by their mean impact.
 */
export function useVoting(
  mapId: string,
  shareToken: string | null,
  setNotice: (notice: StoreNotice | null) => void,
) {
  const onError = useCallback(
    (message: string) => setNotice({ kind: 'refused', message }),
    [setNotice],
  );
  const votes = useMapVotes(mapId, shareToken, onError);
  const [colouring, setColouring] = useState(false);
  const tallies = votes.view?.tallies;
  const impacts = useMemo(
    () => (colouring && tallies ? meanImpacts(tallies) : NONE),
    [colouring, tallies],
  );
  return { votes, colouring, setColouring, impacts };
}

export type Voting = ReturnType<typeof useVoting>;
