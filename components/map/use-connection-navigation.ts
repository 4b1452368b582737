'use client';

import { useRef } from 'react';
import { useShortcuts } from '@/lib/client/shortcuts';
import type { GraphEdge } from '@/lib/domain/types';

const NEXT = new Set(['e', 'E', 'ArrowDown', 'ArrowRight']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

const drawn = (kind: 'node' | 'edge', id: string) =>
  document.querySelector<HTMLElement>(`.react-flow__${kind}[data-id="${CSS.escape(id)}"]`);

const idOn = (event: KeyboardEvent, kind: 'node' | 'edge') =>
  event.target instanceof Element
    ? (event.target.closest(`.react-flow__${kind}`)?.getAttribute('data-id') ?? null)
    : null;

/**
 * Connections are reached from their card, not by Tab: E on a focused card
 * moves to its first connection (selecting it, so the side panel shows its
 * discussion and Delete removes it); on a connection the arrow keys or E go
 * to the card's next or previous one, and Escape goes back to the card.
 */
export function useConnectionNavigation(
  edges: GraphEdge[],
  goToEdge: (id: string) => void,
  goToNode: (id: string) => void,
) {
  // The card the reader came from: a connection has two.
  const origin = useRef<string | null>(null);
  const connectionsOf = (nodeId: string) =>
    edges.filter((e) => (e.fromId === nodeId || e.toId === nodeId) && drawn('edge', e.id));
  const focusLater = (kind: 'node' | 'edge', id: string) =>
    requestAnimationFrame(() => drawn(kind, id)?.focus());

  useShortcuts([
    {
      key: 'e',
      capture: true,
      run: (event) => {
        const nodeId = idOn(event, 'node');
        const first = nodeId ? connectionsOf(nodeId)[0] : undefined;
        if (!nodeId || !first) return false;
        event.stopPropagation();
        origin.current = nodeId;
        goToEdge(first.id);
        focusLater('edge', first.id);
      },
    },
    {
      key: [...NEXT, ...PREVIOUS, 'Escape'],
      capture: true,
      run: (event) => {
        const edgeId = idOn(event, 'edge');
        const edge = edgeId ? edges.find((e) => e.id === edgeId) : undefined;
        if (!edge) return false;
        event.stopPropagation();
        const from =
          origin.current === edge.toId || origin.current === edge.fromId
            ? origin.current
            : edge.fromId;
        if (event.key === 'Escape') {
          goToNode(from);
          focusLater('node', from);
          return;
        }
        const list = connectionsOf(from);
        const here = list.findIndex((e) => e.id === edge.id);
        const step = PREVIOUS.has(event.key) ? list.length - 1 : 1;
        const next = list[(here + step) % list.length];
        if (!next || next.id === edge.id) return;
        origin.current = from;
        goToEdge(next.id);
        focusLater('edge', next.id);
      },
    },
  ]);
}
