import type { GraphEdge, GraphNode } from './types';

export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * The node the keyboard selection moves to. Arrows follow the map's
 * connections, read as the upward layout draws them: up to what a node
 * bears on, down to its reasons, left and right among the other reasons of
 * the same node. Ties go to the nearest by x. Null when there is nowhere to go.
 */
export function neighbour(
  id: string,
  direction: Direction,
  nodes: readonly Pick<GraphNode, 'id' | 'x'>[],
  edges: readonly Pick<GraphEdge, 'fromId' | 'toId'>[],
): string | null {
  const x = new Map(nodes.map((n) => [n.id, n.x]));
  const here = x.get(id);
  if (here === undefined) return null;
  const nearest = (ids: string[]) =>
    ids
      .filter((i) => x.has(i) && i !== id)
      .sort(
        (a, b) => Math.abs(x.get(a)! - here) - Math.abs(x.get(b)! - here) || a.localeCompare(b),
      )[0] ?? null;

  if (direction === 'up') return nearest(edges.filter((e) => e.fromId === id).map((e) => e.toId));
  if (direction === 'down') return nearest(edges.filter((e) => e.toId === id).map((e) => e.fromId));

  const parents = new Set(edges.filter((e) => e.fromId === id).map((e) => e.toId));
  const siblings = [
    ...new Set(
      edges
        .filter((e) => parents.has(e.toId) && e.fromId !== id && x.has(e.fromId))
        .map((e) => e.fromId),
    ),
  ];
  const side = siblings.filter(
    (s) =>
      (direction === 'left' ? x.get(s)! < here : x.get(s)! > here) ||
      (x.get(s) === here && (direction === 'left' ? s < id : s > id)),
  );
  return nearest(side);
}
