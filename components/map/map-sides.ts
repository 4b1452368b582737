import { sourceLabel } from '@/lib/client/to-flow';
import type { MapSnapshot, Side } from '@/lib/domain/types';

/**
 * Where a reader starts: the map's main conclusion (the motion, in a debate)
 * and the reasons that bear on it directly, the conclusion first. The main
 * conclusion is the one with most of the map beneath it: a class map also
 * holds loose claims, and an imported map many small trees, and framing all
 * of their tops at once shrank the cards past reading.
 */
export function startingView(snapshot: Pick<MapSnapshot, 'nodes' | 'edges'>): string[] {
  const { nodes, edges } = snapshot;
  const reasonsOf = new Map<string, string[]>();
  for (const e of edges) reasonsOf.set(e.toId, [...(reasonsOf.get(e.toId) ?? []), e.fromId]);
  const below = (root: string) => {
    const seen = new Set<string>();
    const stack = [...(reasonsOf.get(root) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id) || id === root) continue;
      seen.add(id);
      stack.push(...(reasonsOf.get(id) ?? []));
    }
    return seen.size;
  };
  const bearsOnSomething = new Set(edges.map((e) => e.fromId));
  const roots = nodes.filter((n) => !bearsOnSomething.has(n.id));
  // A map that is one cycle has no root: any node will do.
  const ranked = (roots.length > 0 ? roots : nodes).map((n) => ({
    id: n.id,
    size: below(n.id),
    question: n.kind === 'QUESTION' ? 1 : 0,
  }));
  ranked.sort((a, b) => b.size - a.size || b.question - a.question);
  const main = ranked[0];
  if (!main) return [];
  return [main.id, ...new Set(reasonsOf.get(main.id) ?? [])];
}

export function sideLabels(sides: { side: Side; label: string }[]): Record<Side, string> {
  const label = (side: Side, fallback: string) =>
    sides.find((s) => s.side === side)?.label ?? fallback;
  return {
    FOR: label('FOR', 'For'),
    AGAINST: label('AGAINST', 'Against'),
    NEUTRAL: label('NEUTRAL', 'Motion and our own'),
  };
}

/** One legend line per side present: its sources and teams. */
export function legendSides(snapshot: MapSnapshot): { side: Side; label: string }[] {
  const order: Side[] = ['FOR', 'AGAINST', 'NEUTRAL'];
  const present = new Set<Side>([...snapshot.nodes.map((n) => n.side), 'NEUTRAL']);
  return order
    .filter((side) => present.has(side))
    .map((side) => {
      const names = [
        ...snapshot.sources.filter((s) => s.side === side).map(sourceLabel),
        ...snapshot.teams.filter((t) => t.side === side).map((t) => t.name),
      ];
      const base = side === 'FOR' ? 'For' : side === 'AGAINST' ? 'Against' : 'Motion and our own';
      return { side, label: names.length ? `${base}: ${names.join(' · ')}` : base };
    });
}
