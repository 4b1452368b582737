'use client';

import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { KeyedStore, useKeyedValue } from '@/lib/client/keyed-store';
import type { PresenceStore } from '@/lib/client/presence-store';
import type { LayerBadge, Watcher } from '@/lib/client/to-flow';
import type { Status } from '@/lib/domain/reasoning/semantics';

/**
 * What is drawn on a card besides the graph: who else has it selected, its
 * open threads, its team-layer badges. Each card reads its own entries, so
 * a change to one card's re-renders that card's part alone; the nodes'
 * `data` (and so every card) stays as it was.
 */
type NodeDecorations = {
  watchers: KeyedStore<Watcher[]>;
  openThreads: KeyedStore<number>;
  layerBadges: KeyedStore<LayerBadge[]>;
  /** Each card's mean impact, while the map is coloured by impact. */
  impacts: KeyedStore<number | null>;
  /** Open flags on each card, for the map's moderators (empty for everyone else). */
  flags: KeyedStore<number>;
  /** Each card's grounded label, while the map shows what stands. */
  stands: KeyedStore<Status | null>;
};

const NO_WATCHERS: Watcher[] = [];
const NO_IMPACTS: ReadonlyMap<string, number> = new Map();
const NO_FLAGS: ReadonlyMap<string, number> = new Map();
const NO_STANDS: ReadonlyMap<string, Status> = new Map();
const NO_BADGES: LayerBadge[] = [];
const sameBadges = (a: LayerBadge[], b: LayerBadge[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i]!;
    return (
      x.team === y.team &&
      x.color === y.color &&
      x.rating === y.rating &&
      x.note === y.note &&
      x.tags.join('\n') === y.tags.join('\n')
    );
  });

export const NodeDecorationsContext = createContext<NodeDecorations | null>(null);

/** The workspace's decorations: presence from its store, threads and badges taken in as the social view changes. */
export function useNodeDecorations(
  presence: PresenceStore,
  openThreads: ReadonlyMap<string, number>,
  layerBadges: ReadonlyMap<string, LayerBadge[]>,
  impacts: ReadonlyMap<string, number> = NO_IMPACTS,
  flags: ReadonlyMap<string, number> = NO_FLAGS,
  stands: ReadonlyMap<string, Status> = NO_STANDS,
): NodeDecorations {
  const [threadStore] = useState(() => new KeyedStore<number>(0, Object.is));
  const [badgeStore] = useState(() => new KeyedStore<LayerBadge[]>(NO_BADGES, sameBadges));
  useEffect(() => threadStore.replace(openThreads), [threadStore, openThreads]);
  useEffect(() => badgeStore.replace(layerBadges), [badgeStore, layerBadges]);
  const [impactStore] = useState(() => new KeyedStore<number | null>(null, Object.is));
  useEffect(() => impactStore.replace(impacts), [impactStore, impacts]);
  const [flagStore] = useState(() => new KeyedStore<number>(0, Object.is));
  useEffect(() => flagStore.replace(flags), [flagStore, flags]);
  const [standsStore] = useState(() => new KeyedStore<Status | null>(null, Object.is));
  useEffect(() => standsStore.replace(stands), [standsStore, stands]);
  return useMemo(
    () => ({
      watchers: presence.watchers,
      openThreads: threadStore,
      layerBadges: badgeStore,
      impacts: impactStore,
      flags: flagStore,
      stands: standsStore,
    }),
    [presence, threadStore, badgeStore, impactStore, flagStore, standsStore],
  );
}

/** Others who have this node selected. */
export const useWatchers = (id: string) =>
  useKeyedValue(useContext(NodeDecorationsContext)?.watchers ?? null, id, NO_WATCHERS);

/** Open comment threads on this node. */
export const useOpenThreads = (id: string) =>
  useKeyedValue(useContext(NodeDecorationsContext)?.openThreads ?? null, id, 0);

/** One badge per team layer shown: its rating and tags on this node. */
export const useLayerBadges = (id: string) =>
  useKeyedValue(useContext(NodeDecorationsContext)?.layerBadges ?? null, id, NO_BADGES);

/** This card's mean impact while the map is coloured by impact, else null. */
export const useImpact = (id: string) =>
  useKeyedValue(useContext(NodeDecorationsContext)?.impacts ?? null, id, null);

/** Open flags on this card (shown to moderators only). */
export const useFlags = (id: string) =>
  useKeyedValue(useContext(NodeDecorationsContext)?.flags ?? null, id, 0);

/** This card's grounded label while the map shows what stands, else null. */
export const useStands = (id: string) =>
  useKeyedValue(useContext(NodeDecorationsContext)?.stands ?? null, id, null);
