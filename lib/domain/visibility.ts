import type { GraphEdge, Relation } from './types';

/**
 * Which nodes a reader sees when they narrow the map: collapsed subtrees and
 * focus on one claim. Pure functions of the live graph; what is collapsed or
 * focused is a reader's own view, never part of the map.
 */

type Link = Pick<GraphEdge, 'fromId' | 'toId'> & { relation?: Relation };

/**
 * A contradiction is no reason: it has no direction, so neither end rests on
 * the other (it neither counts as a reason nor folds away with a collapse).
 */
const isReason = (e: Link) => e.relation !== 'CONTRADICTS';

/**
 * The nodes hidden because a node they bear on (directly or through other
 * reasons) is collapsed. A node that still bears on something visible stays
 * visible: collapsing one claim never hides a reason shared with another.
 */
export function hiddenByCollapse(
  nodeIds: readonly string[],
  edges: readonly Link[],
  collapsed: ReadonlySet<string>,
): Set<string> {
  if (collapsed.size === 0) return new Set();
  const reasonsOf = new Map<string, string[]>();
  const bearsOn = new Map<string, string[]>();
  for (const e of edges.filter(isReason)) {
    reasonsOf.set(e.toId, [...(reasonsOf.get(e.toId) ?? []), e.fromId]);
    bearsOn.set(e.fromId, [...(bearsOn.get(e.fromId) ?? []), e.toId]);
  }
  // Candidates: everything below a collapsed node.
  const below = new Set<string>();
  const stack = [...collapsed].flatMap((id) => reasonsOf.get(id) ?? []);
  while (stack.length) {
    const id = stack.pop()!;
    if (below.has(id) || collapsed.has(id)) continue;
    below.add(id);
    stack.push(...(reasonsOf.get(id) ?? []));
  }
  // Visible: nodes not below anything collapsed, then (to a fixed point) any
  // candidate bearing on a visible node that is not itself collapsed.
  const live = new Set(nodeIds);
  const visible = new Set([...live].filter((id) => !below.has(id)));
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of below) {
      if (visible.has(id)) continue;
      if ((bearsOn.get(id) ?? []).some((to) => visible.has(to) && !collapsed.has(to))) {
        visible.add(id);
        grew = true;
      }
    }
  }
  return new Set([...below].filter((id) => live.has(id) && !visible.has(id)));
}

/** The number of reasons bearing directly on each node. */
export function reasonCounts(edges: readonly Link[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of edges.filter(isReason)) counts.set(e.toId, (counts.get(e.toId) ?? 0) + 1);
  return counts;
}

/** `id` and every node within `depth` connections of it, in either direction. */
export function neighbourhood(id: string, edges: readonly Link[], depth = 2): Set<string> {
  const adjacent = new Map<string, string[]>();
  for (const e of edges) {
    adjacent.set(e.fromId, [...(adjacent.get(e.fromId) ?? []), e.toId]);
    adjacent.set(e.toId, [...(adjacent.get(e.toId) ?? []), e.fromId]);
  }
  const seen = new Set([id]);
  let frontier = [id];
  for (let step = 0; step < depth; step++) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const m of adjacent.get(n) ?? []) {
        if (seen.has(m)) continue;
        seen.add(m);
        next.push(m);
      }
    }
    frontier = next;
  }
  return seen;
}
