'use client';

import { useCallback, useMemo, useState } from 'react';
import type { LayerBadge } from '@/lib/client/to-flow';
import type { SocialView } from '@/lib/domain/social';

/**
 * Which team layers are drawn on the map (our own by default; the owner
 * chooses any), and what they put on each node: open thread counts and one
 * badge per shown layer.
 */
export function useTeamLayers(view: SocialView | null) {
  const [shown, setShown] = useState<Set<string>>(new Set());
  const myTeamId = view?.myTeam?.id ?? null;
  // Once the reader's team is known, their layer shows, unless they already chose some.
  const [teamSeen, setTeamSeen] = useState<string | null>(null);
  if (myTeamId !== teamSeen) {
    setTeamSeen(myTeamId);
    if (myTeamId) setShown((current) => (current.size ? current : new Set([myTeamId])));
  }

  const show = useCallback((teamId: string, visible: boolean) => {
    setShown((current) => {
      const next = new Set(current);
      if (visible) next.add(teamId);
      else next.delete(teamId);
      return next;
    });
  }, []);

  const openThreads = useMemo(() => {
    const counts = new Map<string, number>();
    for (const c of view?.comments ?? [])
      if (!c.parentId && !c.resolved && c.nodeId)
        counts.set(c.nodeId, (counts.get(c.nodeId) ?? 0) + 1);
    return counts;
  }, [view]);

  const layerBadges = useMemo(() => {
    const byNode = new Map<string, LayerBadge[]>();
    for (const layer of view?.layers ?? []) {
      if (!shown.has(layer.teamId)) continue;
      const perNode = new Map<string, LayerBadge>();
      for (const a of layer.annotations) {
        if (a.target.kind !== 'NODE') continue;
        const badge = perNode.get(a.target.nodeId) ?? {
          team: layer.name,
          color: layer.color,
          rating: null,
          tags: [],
          note: false,
        };
        if (a.kind === 'RATING') badge.rating = a.rating;
        if (a.kind === 'TAG' && a.tag) badge.tags.push(a.tag);
        if (a.kind === 'NOTE') badge.note = true;
        perNode.set(a.target.nodeId, badge);
      }
      for (const [nodeId, badge] of perNode)
        byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), badge]);
    }
    return byNode;
  }, [view, shown]);

  // Threads on nodes and on connections.
  const openThreadTotal = useMemo(
    () =>
      (view?.comments ?? []).filter((c) => !c.parentId && !c.resolved && (c.nodeId || c.edgeId))
        .length,
    [view],
  );

  return { shown, show, openThreads, openThreadTotal, layerBadges };
}
