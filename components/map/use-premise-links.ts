'use client';

import { useCallback, useMemo } from 'react';
import { newId } from '@/lib/client/ids';
import type { MapStore } from '@/lib/client/map-store';
import type { GraphState } from '@/lib/domain/ops';

/**
 * Linked arguments: premises needed together share one group on their
 * supports of a conclusion. Each command is one undo step, and is null when
 * the selection offers nothing to link or unlink.
 */
export function usePremiseLinks(store: MapStore, view: GraphState, selectedNodeIds: string[]) {
  /** The supports that "Link" would group: from every selected node to a conclusion they all support. */
  const linkable = useMemo(() => {
    if (selectedNodeIds.length < 2) return null;
    const edges = [...view.edges.values()].filter((e) => !e.deleted && e.relation === 'SUPPORTS');
    const targets = selectedNodeIds.map(
      (id) => new Set(edges.filter((e) => e.fromId === id).map((e) => e.toId)),
    );
    const common = [...targets[0]!].find((t) => targets.every((set) => set.has(t)));
    if (!common) return null;
    return edges.filter((e) => e.toId === common && selectedNodeIds.includes(e.fromId));
  }, [selectedNodeIds, view]);

  /** The grouped supports leaving the selected nodes: what "Unlink" would separate. */
  const grouped = useMemo(
    () =>
      [...view.edges.values()].filter(
        (e) => !e.deleted && e.groupId && selectedNodeIds.includes(e.fromId),
      ),
    [selectedNodeIds, view],
  );

  const linkPremises = useCallback(() => {
    if (!linkable) return;
    const groupId = newId();
    store.perform(
      linkable.map((e) => ({
        type: 'updateEdge' as const,
        id: e.id,
        baseVersion: e.version,
        groupId,
      })),
    );
  }, [linkable, store]);

  const unlinkPremises = useCallback(() => {
    if (grouped.length)
      store.perform(
        grouped.map((e) => ({
          type: 'updateEdge' as const,
          id: e.id,
          baseVersion: e.version,
          groupId: null,
        })),
      );
  }, [grouped, store]);

  return {
    linkPremises: linkable ? linkPremises : null,
    unlinkPremises: grouped.length ? unlinkPremises : null,
  };
}
