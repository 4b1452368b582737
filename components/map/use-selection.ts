'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { GraphState } from '@/lib/domain/ops';

/**
 * What the reader has selected: one node (the reader, search and deep links
 * change it too), every node of a multi-selection, or one connection; and
 * moving the view to what gets selected from outside the canvas.
 */
export function useSelection(view: GraphState, initialNodeId: string | null) {
  const [selectedNodeId, setSelectedNodeId] = useState<string | null>(() =>
    liveId(view, initialNodeId),
  );
  const [selectedNodeIds, setSelectedNodeIds] = useState<string[]>([]);
  const [selectedEdgeId, setSelectedEdgeId] = useState<string | null>(null);
  const { fitView, getInternalNode, getZoom, setCenter } = useReactFlow();

  // A selected node that disappears (deleted, undone) is no longer selected.
  if (selectedNodeId && !liveId(view, selectedNodeId)) setSelectedNodeId(null);

  /**
   * Centres a node at once, at a readable zoom. Not with fitView for a node
   * React Flow already has: fitView waits until every node is measured, so it
   * could run after a card made meanwhile was brought into view and move the
   * view away from it. A node not drawn yet (a deep link before the map is
   * in) is still framed by fitView, which waits for it.
   */
  const centreOn = useCallback(
    (id: string) => {
      const node = getInternalNode(id);
      // Not drawn or not measured yet, or hidden (folded, filtered out): fitView waits for it.
      if (!node || node.hidden || !node.measured.width || !node.measured.height) {
        void fitView({ nodes: [{ id }], duration: 400, maxZoom: 1.1, padding: 0.6 });
        return;
      }
      const { x, y } = node.internals.positionAbsolute;
      const { width, height } = node.measured as { width: number; height: number };
      const zoom = Math.min(1.1, Math.max(0.8, getZoom()));
      void setCenter(x + width / 2, y + height / 2, { zoom, duration: 400 });
    },
    [fitView, getInternalNode, getZoom, setCenter],
  );

  /** Selects a node and centres it (from the reader, search, a discussion). */
  const goToNode = useCallback(
    (id: string) => {
      setSelectedNodeId(id);
      centreOn(id);
    },
    [centreOn],
  );

  /** Selects a connection and frames both its ends. */
  const goToEdge = useCallback(
    (id: string) => {
      const edge = view.edges.get(id);
      if (!edge || edge.deleted) return;
      setSelectedNodeId(null);
      setSelectedEdgeId(id);
      void fitView({
        nodes: [{ id: edge.fromId }, { id: edge.toId }],
        duration: 400,
        maxZoom: 1.1,
        padding: 0.4,
      });
    },
    [view, fitView],
  );

  return {
    selectedNodeId,
    setSelectedNodeId,
    selectedNodeIds,
    setSelectedNodeIds,
    selectedEdgeId,
    setSelectedEdgeId,
    centreOn,
    goToNode,
    goToEdge,
  };
}

/** `id` when it names a live node of `view`, else null. */
export function liveId(view: GraphState, id: string | null): string | null {
  const node = id ? view.nodes.get(id) : undefined;
  return node && !node.deleted ? node.id : null;
}
