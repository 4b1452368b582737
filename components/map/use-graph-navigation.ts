'use client';

import { useShortcuts } from '@/lib/client/shortcuts';
import { neighbour, type Direction } from '@/lib/domain/navigation';
import type { GraphEdge, GraphNode } from '@/lib/domain/types';

const DIRECTIONS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/**
 * Arrow keys on a focused node move the selection along the map's
 * connections (lib/domain/navigation.ts). Taking the key in the capture
 * phase, and stopping it there, keeps React Flow from also nudging the node
 * by a few pixels.
 */
export function useGraphNavigation(
  nodes: GraphNode[],
  edges: GraphEdge[],
  goTo: (id: string) => void,
) {
  useShortcuts([
    {
      key: Object.keys(DIRECTIONS),
      capture: true,
      run: (event) => {
        const element =
          event.target instanceof Element ? event.target.closest('.react-flow__node') : null;
        const id = element?.getAttribute('data-id');
        if (!id) return false;
        event.stopPropagation();
        const next = neighbour(id, DIRECTIONS[event.key]!, nodes, edges);
        if (!next) return;
        goTo(next);
        requestAnimationFrame(() =>
          document
            .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(next)}"]`)
            ?.focus(),
        );
      },
    },
  ]);
}
