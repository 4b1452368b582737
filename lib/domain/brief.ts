import type { GraphEdge, GraphNode, Relation, Side } from './types';

/**
 * The debate brief: for each side, its main claims with what bears on them
 * nested below (supports, objections, rebuttals, undercutters, rephrasings,
 * and what contradicts them, listed under both statements),
 * as a printable outline. Pure: built from the live graph.
 */

export type BriefItem = { node: GraphNode; relation: Relation | null; children: BriefItem[] };
export type BriefSide = { side: Side; claims: BriefItem[] };

const MAX_DEPTH = 6;
const ORDER: Side[] = ['FOR', 'AGAINST', 'NEUTRAL'];
/** Within a claim: supports first, then what attacks it, then the rest. */
const RELATION_ORDER: Record<Relation, number> = {
  SUPPORTS: 0,
  ATTACKS: 1,
  UNDERCUTS: 2,
  REPHRASES: 3,
  CONTRADICTS: 4,
};

export function buildBrief(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): BriefSide[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const live = edges.filter((e) => byId.has(e.fromId) && byId.has(e.toId));
  const incoming = new Map<string, GraphEdge[]>();
  const bearOn = (e: GraphEdge) => incoming.set(e.toId, [...(incoming.get(e.toId) ?? []), e]);
  for (const e of live) {
    bearOn(e);
    // A contradiction has no direction: each statement is listed under the other.
    if (e.relation === 'CONTRADICTS') bearOn({ ...e, fromId: e.toId, toId: e.fromId });
  }

  const expand = (node: GraphNode, relation: Relation | null, path: Set<string>): BriefItem => {
    const children =
      path.size >= MAX_DEPTH
        ? []
        : (incoming.get(node.id) ?? [])
            .filter((e) => !path.has(e.fromId))
            .sort(
              (a, b) =>
                RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation] ||
                byId.get(a.fromId)!.y - byId.get(b.fromId)!.y,
            )
            .map((e) => expand(byId.get(e.fromId)!, e.relation, new Set([...path, e.fromId])));
    return { node, relation, children };
  };

  // A side's main claims: its nodes that do not support or rephrase another node of the same side.
  const isMain = (n: GraphNode) =>
    !live.some(
      (e) =>
        e.fromId === n.id &&
        (e.relation === 'SUPPORTS' || e.relation === 'REPHRASES') &&
        byId.get(e.toId)!.side === n.side,
    );

  const sides = ORDER.map((side) => ({
    side,
    claims: nodes
      .filter((n) => n.side === side && isMain(n))
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((n) => expand(n, null, new Set([n.id]))),
  }));
  // A circle of supports has no main claim: its nodes become main claims so nothing is left out.
  const reached = new Set<string>();
  const walk = (items: BriefItem[]) =>
    items.forEach((i) => (reached.add(i.node.id), walk(i.children)));
  sides.forEach((s) => walk(s.claims));
  for (const n of nodes) {
    if (reached.has(n.id)) continue;
    const item = expand(n, null, new Set([n.id]));
    sides.find((s) => s.side === n.side)!.claims.push(item);
    walk([item]);
  }
  return sides.filter((s) => s.claims.length > 0);
}
