'use client';

import { useMemo, useState } from 'react';
import { toFlowEdges, toFlowNodes } from '@/lib/client/to-flow';
import type { GraphEdge, GraphNode, SourceDoc } from '@/lib/domain/types';
import { showEverything, type MapFilterState } from './map-filter';
import type { useMapView } from './use-map-view';

type Options = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  sources: SourceDoc[];
  mapView: Pick<ReturnType<typeof useMapView>, 'direction' | 'collapsed' | 'reasons' | 'hidden'>;
  /** When set, only these nodes are shown (the cards of one section, chosen in the filter). */
  only?: ReadonlySet<string> | null;
};

/**
 * What the canvas draws: the live graph as React Flow nodes and edges, with
 * the reader's filter, folds and focus applied (hidden, not removed, so
 * React Flow keeps their measurements). What others are doing, threads and
 * badges are not part of the nodes (see node-decorations.ts).
 */
export function useFlowElements({ nodes, edges, sources, mapView, only = null }: Options) {
  const [filter, setFilter] = useState<MapFilterState>(showEverything);
  const { direction, collapsed, reasons, hidden } = mapView;
  const shown = (n: Pick<GraphNode, 'id' | 'side' | 'kind'>) =>
    shownBy(filter, n) && (!only || only.has(n.id));
  const hiddenCount = nodes.filter((n) => !shown(n)).length;
  const flowNodes = useMemo(
    () =>
      toFlowNodes({ nodes, sources }, { direction, collapsed, reasons }).map((n) =>
        shownBy(filter, n.data) && (!only || only.has(n.id)) && !hidden.has(n.id)
          ? n
          : { ...n, hidden: true },
      ),
    [nodes, sources, filter, direction, collapsed, reasons, hidden, only],
  );
  const flowEdges = useMemo(() => toFlowEdges(edges, nodes), [edges, nodes]);
  return { filter, setFilter, hiddenCount, flowNodes, flowEdges };
}

const shownBy = (filter: MapFilterState, n: Pick<GraphNode, 'side' | 'kind'>) =>
  filter.sides.has(n.side) && filter.kinds.has(n.kind);
