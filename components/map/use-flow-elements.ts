'use client';

import { useMemo, useState } from 'react';
import { toFlowEdges, toFlowNodes } from '@/lib/client/to-flow';
import type { TagColors } from '@/lib/domain/tags';
import type { GraphEdge, GraphNode, SourceDoc } from '@/lib/domain/types';
import { showEverything, type MapFilterState } from './map-filter';
import type { useMapView } from './use-map-view';

type Options = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  sources: SourceDoc[];
  tagColors: TagColors;
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
export function useFlowElements({
  nodes,
  edges,
  sources,
  tagColors,
  mapView,
  only = null,
}: Options) {
  const [filter, setFilter] = useState<MapFilterState>(showEverything);
  const { direction, collapsed, reasons, hidden } = mapView;
  const shown = (n: Pick<GraphNode, 'id' | 'side' | 'kind' | 'tags'>) =>
    shownBy(filter, n) && (!only || only.has(n.id));
  const hiddenCount = nodes.filter((n) => !shown(n)).length;
  const flowNodes = useMemo(
    () =>
      toFlowNodes({ nodes, sources, tagColors }, { direction, collapsed, reasons }).map((n, i) =>
        shownBy(filter, nodes[i]!) && (!only || only.has(n.id)) && !hidden.has(n.id)
          ? n
          : { ...n, hidden: true },
      ),
    [nodes, sources, tagColors, filter, direction, collapsed, reasons, hidden, only],
  );
  const flowEdges = useMemo(() => toFlowEdges(edges, nodes), [edges, nodes]);
  return { filter, setFilter, hiddenCount, flowNodes, flowEdges };
}

/** Whether the filter shows a node: its side and kind are ticked, and it has a picked tag if any are picked. */
const shownBy = (filter: MapFilterState, n: Pick<GraphNode, 'side' | 'kind' | 'tags'>) =>
  filter.sides.has(n.side) &&
  filter.kinds.has(n.kind) &&
  (filter.tags.size === 0 || n.tags.some((t) => filter.tags.has(t.toLocaleLowerCase())));
