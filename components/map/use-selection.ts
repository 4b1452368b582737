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
  const { fitView } = useReactFlow();

  // A selected node that disappears (deleted, undone) is no longer selected.
  if (selectedNodeId && !liveId(view, selectedNodeId)) setSelectedNodeId(null);

  const centreOn = useCallback(
    (id: string) => void fitView({ nodes: [{ id }], duration: 400, maxZoom: 1.1, padding: 0.6 }),
    [fitView],
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
