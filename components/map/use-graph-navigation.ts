'use client';

import { useEffect } from 'react';
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
 * connections (lib/domain/navigation.ts). Listening in the capture phase
 * keeps React Flow from also nudging the node by a few pixels.
 */
export function useGraphNavigation(
  nodes: GraphNode[],
  edges: GraphEdge[],
  goTo: (id: string) => void,
) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const direction = DIRECTIONS[event.key];
      if (!direction || event.altKey || event.ctrlKey || event.metaKey) return;
      const element = (event.target as HTMLElement | null)?.closest?.('.react-flow__node');
      const id = element?.getAttribute('data-id');
      if (!id || (event.target as HTMLElement).tagName === 'TEXTAREA') return;
      event.preventDefault();
      event.stopPropagation();
      const next = neighbour(id, direction, nodes, edges);
      if (!next) return;
      goTo(next);
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(next)}"]`)
          ?.focus(),
      );
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [nodes, edges, goTo]);
}
