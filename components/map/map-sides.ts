import { sourceLabel } from '@/lib/client/to-flow';
import type { MapSnapshot, Side } from '@/lib/domain/types';

/**
 * Where a reader starts: the map's conclusions (nodes that bear on nothing
 * else) and the reasons that bear on them directly.
 */
export function startingView(snapshot: MapSnapshot): string[] {
  const bearsOnSomething = new Set(snapshot.edges.map((e) => e.fromId));
  const roots = new Set(snapshot.nodes.filter((n) => !bearsOnSomething.has(n.id)).map((n) => n.id));
  const focus = new Set(roots);
  for (const e of snapshot.edges) if (roots.has(e.toId)) focus.add(e.fromId);
  return [...focus];
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
