import type { GraphState } from './graph-state';
import type { GraphEdge, GraphNode, Relation } from './types';

/**
 * The outline: the map as an indented tree, read from what nothing else
 * rests on down to its reasons. Each live node appears once as a primary
 * item; a node reached again (it bears on two things, or a circle leads
 * back to it) appears there as a "see …" item pointing to its primary
 * place. Linked co-premises (connections sharing a `groupId`) are gathered
 * in one "together" item. A contradiction has no direction, so it shapes
 * nothing: under each of its two statements the other appears as a
 * "contradicts, see …" item, last among its reasons. Pure: built from the
 * live graph, cycles safe.
 */

type Base = {
  /** Unique in the tree, stable while the map keeps its shape: the path of connections from the root. */
  key: string;
  /** The connection to the parent item's node (null for roots and "together" items). */
  edge: GraphEdge | null;
  relation: Relation | null;
};
type OutlineNodeItem = Base & { type: 'node'; node: GraphNode; children: OutlineItem[] };
type OutlineSeeItem = Base & {
  type: 'see';
  node: GraphNode;
  /** The key of the node's primary item. */
  primaryKey: string;
  children: [];
};
type OutlineTogetherItem = Base & {
  type: 'together';
  groupId: string;
  children: OutlineItem[];
};
export type OutlineItem = OutlineNodeItem | OutlineSeeItem | OutlineTogetherItem;

/** Within a node: its supports first, then what attacks it, then undercutters and rephrasings. */
const RELATION_ORDER: Record<Relation, number> = {
  SUPPORTS: 0,
  ATTACKS: 1,
  UNDERCUTS: 2,
  REPHRASES: 3,
  CONTRADICTS: 4,
};
const byPlace = (a: GraphNode, b: GraphNode) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id);

export function buildOutline(state: GraphState): OutlineItem[] {
  const nodes = [...state.nodes.values()].filter((n) => !n.deleted);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = [...state.edges.values()].filter(
    (e) => !e.deleted && byId.has(e.fromId) && byId.has(e.toId) && e.fromId !== e.toId,
  );
  const incoming = new Map<string, GraphEdge[]>();
  const bearsOnSomething = new Set<string>();
  const contradictions = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    if (e.relation === 'CONTRADICTS') {
      for (const end of [e.fromId, e.toId])
        contradictions.set(end, [...(contradictions.get(end) ?? []), e]);
      continue;
    }
    incoming.set(e.toId, [...(incoming.get(e.toId) ?? []), e]);
    bearsOnSomething.add(e.fromId);
  }
  const primary = new Map<string, string>();

  const reasonItem = (parentKey: string, e: GraphEdge): OutlineItem => {
    const node = byId.get(e.fromId)!;
    const key = `${parentKey}/${e.id}`;
    const seen = primary.get(node.id);
    if (seen !== undefined)
      return {
        type: 'see',
        key,
        edge: e,
        relation: e.relation,
        node,
        primaryKey: seen,
        children: [],
      };
    return expand(node, key, e);
  };

  const expand = (node: GraphNode, key: string, edge: GraphEdge | null): OutlineNodeItem => {
    primary.set(node.id, key);
    const item: OutlineNodeItem = {
      type: 'node',
      key,
      edge,
      relation: edge?.relation ?? null,
      node,
      children: [],
    };
    const reasons = [...(incoming.get(node.id) ?? [])].sort(
      (a, b) =>
        RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation] ||
        byPlace(byId.get(a.fromId)!, byId.get(b.fromId)!),
    );
    const groups = new Map<string, GraphEdge[]>();
    for (const e of reasons)
      if (e.groupId) groups.set(e.groupId, [...(groups.get(e.groupId) ?? []), e]);
    const placedGroups = new Set<string>();
    for (const e of reasons) {
      const members = e.groupId ? groups.get(e.groupId)! : [];
      if (members.length < 2) {
        item.children.push(reasonItem(key, e));
        continue;
      }
      if (placedGroups.has(e.groupId!)) continue;
      placedGroups.add(e.groupId!);
      const groupKey = `${key}/g:${e.groupId}`;
      item.children.push({
        type: 'together',
        key: groupKey,
        edge: null,
        relation: e.relation,
        groupId: e.groupId!,
        children: members.map((m) => reasonItem(groupKey, m)),
      });
    }
    return item;
  };

  // How many nodes rest on a node, directly or not: the main conclusion, with
  // most of the map beneath it, comes first (a class map's loose claims after it).
  const beneath = (id: string) => {
    const seen = new Set([id]);
    const queue = [id];
    for (let next = queue.pop(); next !== undefined; next = queue.pop())
      for (const e of incoming.get(next) ?? []) {
        if (seen.has(e.fromId)) continue;
        seen.add(e.fromId);
        queue.push(e.fromId);
      }
    return seen.size;
  };
  const roots: OutlineItem[] = [];
  const size = new Map(
    nodes.filter((n) => !bearsOnSomething.has(n.id)).map((n) => [n, beneath(n.id)] as const),
  );
  const rootNodes = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || byPlace(a, b));
  for (const n of rootNodes) roots.push(expand(n, n.id, null));
  // A circle of reasons has no root: its first node by place becomes one, so nothing is left out.
  for (const n of [...nodes].sort(byPlace))
    if (!primary.has(n.id)) roots.push(expand(n, n.id, null));
  // Every node now has its primary place; each end of a contradiction points to the other's.
  const addContradictions = (item: OutlineItem) => {
    item.children.forEach(addContradictions);
    if (item.type !== 'node') return;
    const here = item.node.id;
    const others = (contradictions.get(here) ?? [])
      .map((e) => ({ e, other: byId.get(e.fromId === here ? e.toId : e.fromId)! }))
      .sort((a, b) => byPlace(a.other, b.other));
    for (const { e, other } of others)
      item.children.push({
        type: 'see',
        key: `${item.key}/${e.id}`,
        edge: e,
        relation: e.relation,
        node: other,
        primaryKey: primary.get(other.id)!,
        children: [],
      });
  };
  roots.forEach(addContradictions);
  return roots;
}

/** One visible row of the tree, with what a WAI-ARIA treeitem says about its place. */
export type OutlineRow = {
  item: OutlineItem;
  /** 1 for a root. */
  level: number;
  /** Position among its siblings, from 1, and how many siblings there are. */
  posInSet: number;
  setSize: number;
  parentKey: string | null;
  /** The nearest node item above it (for a "together" item's members: the node they support). */
  parentNodeId: string | null;
  expanded: boolean | null;
};

/** The rows a reader sees: every item whose ancestors are all expanded, in reading order. */
export function visibleRows(items: readonly OutlineItem[], collapsed: ReadonlySet<string>) {
  const rows: OutlineRow[] = [];
  const walk = (
    list: readonly OutlineItem[],
    level: number,
    parentKey: string | null,
    parentNodeId: string | null,
  ) =>
    list.forEach((item, index) => {
      const open = item.children.length > 0 ? !collapsed.has(item.key) : null;
      rows.push({
        item,
        level,
        posInSet: index + 1,
        setSize: list.length,
        parentKey,
        parentNodeId,
        expanded: open,
      });
      const nodeId = item.type === 'together' ? parentNodeId : item.node.id;
      if (open) walk(item.children, level + 1, item.key, nodeId);
    });
  walk(items, 1, null, null);
  return rows;
}

/** The primary item of every node, by node id (to follow a "see …" item, or the map's selection). */
export function primaryKeys(items: readonly OutlineItem[]): Map<string, string> {
  const keys = new Map<string, string>();
  const walk = (list: readonly OutlineItem[]) =>
    list.forEach((item) => {
      if (item.type === 'node') keys.set(item.node.id, item.key);
      walk(item.children);
    });
  walk(items);
  return keys;
}

/** The keys of the items on the way to `key` (its ancestors, root first), to expand them. */
export function ancestorKeys(key: string): string[] {
  const parts = key.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * The nodes `nodeId` may be moved under: every live node but itself, the
 * nodes that rest on it (its primary subtree: a move there would make a
 * circle) and the one it is under now.
 */
export function moveTargets(
  items: readonly OutlineItem[],
  nodeId: string,
  currentParentId: string | null,
  nodes: readonly GraphNode[],
): GraphNode[] {
  const below = new Set<string>();
  const collect = (item: OutlineItem) => {
    if (item.type !== 'see' && item.type !== 'together') below.add(item.node.id);
    if (item.type === 'together') item.children.forEach(collect);
    else if (item.type === 'node') item.children.forEach(collect);
  };
  const find = (list: readonly OutlineItem[]): OutlineItem | null => {
    for (const item of list) {
      if (item.type === 'node' && item.node.id === nodeId) return item;
      const inner = find(item.children);
      if (inner) return inner;
    }
    return null;
  };
  const own = find(items);
  if (own) collect(own);
  return nodes.filter((n) => !below.has(n.id) && n.id !== currentParentId);
}

/**
 * The outline with each item's children ordered by impact: highest mean
 * impact first, unrated last, and otherwise (equal or unrated) in map order
 * (stable). A "together" item counts as its best-rated member and has its
 * members ordered too; a "see" item counts as its node. The roots keep
 * their order (the main conclusion first). `impacts`: each claim's mean
 * impact as this reader may see it (under guided voting, only claims they
 * voted on). Keys are unchanged, so what is open and selected stays so.
 */
export function sortByImpact(
  items: readonly OutlineItem[],
  impacts: ReadonlyMap<string, number>,
): OutlineItem[] {
  const score = (item: OutlineItem): number | null => {
    if (item.type !== 'together') return impacts.get(item.node.id) ?? null;
    const rated = item.children.map(score).filter((s): s is number => s !== null);
    return rated.length ? Math.max(...rated) : null;
  };
  const ordered = (list: readonly OutlineItem[]): OutlineItem[] =>
    list
      .map((item, index) => ({ item: withSortedChildren(item), index, score: score(item) }))
      .sort(
        (a, b) =>
          (b.score ?? -1) - (a.score ?? -1) || // unrated (-1) after every rating (0–4)
          a.index - b.index,
      )
      .map((entry) => entry.item);
  const withSortedChildren = (item: OutlineItem): OutlineItem =>
    item.type === 'see' || item.children.length === 0
      ? item
      : { ...item, children: ordered(item.children) };
  return items.map(withSortedChildren);
}
