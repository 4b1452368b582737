import type { EdgeState, GraphState, MapMeta, NodeState } from './graph-state';
import { applyMark, rebaseMarks } from './evidence/card';
import {
  checkBase,
  checkedCard,
  checkEdgeShape,
  checkReasoning,
  checkSectionExists,
  liveEdge,
  liveNode,
  mapMeta,
  OpError,
} from './op-checks';
import type { TOp } from './op-schemas';
import {
  liveSection,
  MAX_SECTION_LEVEL,
  MAX_SECTIONS,
  sectionSubtree,
  ZSections,
  type MapSection,
} from './sections';
import { colourOfTag, MAX_TAG_COLORS, withTagColour } from './tags';

type ApplyResult = {
  state: GraphState;
  /** Ids of the nodes and edges this op changed (to write back, or to redraw). */
  changedNodes: string[];
  changedEdges: string[];
  /** Whether it changed the map's sections or tag colours (`state.map`). */
  changedMap?: boolean;
};

/** The result of an op that changed only the map's sections or tag colours. */
function withMap(state: GraphState, map: MapMeta): ApplyResult {
  return { state: { ...state, map }, changedNodes: [], changedEdges: [], changedMap: true };
}

function withNodes(state: GraphState, nodes: NodeState[]): Map<string, NodeState> {
  const next = new Map(state.nodes);
  for (const n of nodes) next.set(n.id, n);
  return next;
}

function withEdges(state: GraphState, edges: EdgeState[]): Map<string, EdgeState> {
  const next = new Map(state.edges);
  for (const e of edges) next.set(e.id, e);
  return next;
}

/**
 * Applies one op, returning a new state (the input is not modified). Throws
 * OpError when the op cannot apply; a batch is all-or-nothing for callers
 * that stop at the first error.
 *
 * Invariants kept: no live edge touches a missing or deleted node; no two
 * live edges share from, to and relation; versions never decrease.
 *
 * A version counts edits of an entity's content (a node's text, kind, side
 * and anchor; an edge's ends, relation and group): the things two people can
 * overwrite each other on. Moves merge last-writer-wins and deletion is a
 * flag, so neither bumps it; an edit of a deleted entity is refused as
 * DELETED instead. This keeps a user's own undo of an edit valid after they
 * deleted and restored the same node.
 */
export function applyOp(state: GraphState, op: TOp): ApplyResult {
  switch (op.type) {
    case 'createNode': {
      if (state.nodes.has(op.id))
        throw new OpError('ID_TAKEN', 'A node with this id already exists');
      const node: NodeState = {
        id: op.id,
        kind: op.kind,
        text: op.text,
        side: op.side,
        x: op.x,
        y: op.y,
        version: 1,
        anchor: op.anchor,
        card: null,
        tags: op.tags ?? [],
        deleted: false,
      };
      node.card = checkedCard(node, op.card);
      return {
        state: { ...state, nodes: withNodes(state, [node]), edges: state.edges },
        changedNodes: [op.id],
        changedEdges: [],
      };
    }
    case 'updateNode': {
      const node = liveNode(state, op.id);
      // A node may keep the id of a deleted section: it is in none.
      const seen = {
        ...node,
        section: state.map ? liveSection(state.map.sections, node.section) : (node.section ?? null),
      };
      checkBase(seen, op.baseVersion, op.expect);
      if (op.section) checkSectionExists(state, op.section);
      const content = editsContent(op);
      // A node in no section has no `section` (as a row with none reads).
      const { section: kept, ...rest } = node;
      const section = op.section !== undefined ? op.section : kept;
      const next: NodeState = {
        ...rest,
        ...(section ? { section } : {}),
        text: op.text ?? node.text,
        kind: op.kind ?? node.kind,
        side: op.side ?? node.side,
        anchor: op.anchor !== undefined ? op.anchor : node.anchor,
        tags: op.tags ?? node.tags,
        version: content ? node.version + 1 : node.version,
      };
      next.card = checkedCard(next, cardAfter(node, next, op.card));
      return {
        state: { ...state, nodes: withNodes(state, [next]), edges: state.edges },
        changedNodes: [op.id],
        changedEdges: [],
      };
    }
    case 'markCard': {
      const node = liveNode(state, op.id);
      if (!node.card || !node.anchor)
        throw new OpError('VALIDATION_FAILED', 'Cut this evidence as a card before marking it');
      const [start, end] = op.range;
      if (end > node.anchor.exact.length)
        throw new OpError('VALIDATION_FAILED', 'The marked words are not in the card’s passage');
      const keep = op.keep ?? [];
      if (keep.some(([s, e]) => s < start || e > end))
        throw new OpError('VALIDATION_FAILED', 'What an unmark keeps must lie in its range');
      // Marks merge like moves, so they do not bump the version (a text edit is not stale for them).
      const next: NodeState = {
        ...node,
        card: applyMark(node.card, op.layer, [start, end], op.on, keep),
      };
      return {
        state: { ...state, nodes: withNodes(state, [next]), edges: state.edges },
        changedNodes: [op.id],
        changedEdges: [],
      };
    }
    case 'moveNodes': {
      const moved = op.moves.map((m) => ({ ...liveNode(state, m.id), x: m.x, y: m.y }));
      return {
        state: { ...state, nodes: withNodes(state, moved), edges: state.edges },
        changedNodes: moved.map((n) => n.id),
        changedEdges: [],
      };
    }
    case 'deleteNode': {
      const node = liveNode(state, op.id);
      const edges = [...state.edges.values()]
        .filter((e) => !e.deleted && (e.fromId === op.id || e.toId === op.id))
        .map((e) => ({ ...e, deleted: true }));
      return {
        state: {
          ...state,
          nodes: withNodes(state, [{ ...node, deleted: true }]),
          edges: withEdges(state, edges),
        },
        changedNodes: [op.id],
        changedEdges: edges.map((e) => e.id),
      };
    }
    case 'restoreNode': {
      const node = state.nodes.get(op.id);
      if (!node) throw new OpError('NOT_FOUND', 'The node does not exist on this map');
      if (!node.deleted) throw new OpError('VALIDATION_FAILED', 'The node is not deleted');
      let next: GraphState = {
        ...state,
        nodes: withNodes(state, [{ ...node, deleted: false }]),
        edges: state.edges,
      };
      const restored: EdgeState[] = [];
      for (const id of op.edgeIds) {
        const edge = next.edges.get(id);
        if (!edge) throw new OpError('NOT_FOUND', 'The connection does not exist on this map');
        if (!edge.deleted) continue;
        if (edge.fromId !== op.id && edge.toId !== op.id)
          throw new OpError('VALIDATION_FAILED', 'That connection does not touch this node');
        checkEdgeShape(next, edge);
        const back = { ...edge, deleted: false };
        next = { ...next, edges: withEdges(next, [back]) };
        restored.push(back);
      }
      return { state: next, changedNodes: [op.id], changedEdges: restored.map((e) => e.id) };
    }
    case 'createEdge': {
      if (state.edges.has(op.id))
        throw new OpError('ID_TAKEN', 'A connection with this id already exists');
      const edge: EdgeState = {
        id: op.id,
        fromId: op.fromId,
        toId: op.toId,
        relation: op.relation,
        groupId: op.groupId,
        scheme: op.scheme ?? null,
        schemeName: null,
        answers: op.answers ?? null,
        version: 1,
        deleted: false,
      };
      checkEdgeShape(state, edge);
      checkReasoning(edge, op);
      return {
        state: { ...state, nodes: state.nodes, edges: withEdges(state, [edge]) },
        changedNodes: [],
        changedEdges: [op.id],
      };
    }
    case 'updateEdge': {
      const edge = liveEdge(state, op.id);
      checkBase(edge, op.baseVersion, op.expect);
      const next: EdgeState = {
        ...edge,
        fromId: op.fromId ?? edge.fromId,
        toId: op.toId ?? edge.toId,
        relation: op.relation ?? edge.relation,
        groupId: op.groupId !== undefined ? op.groupId : edge.groupId,
        scheme: op.scheme !== undefined ? op.scheme : edge.scheme,
        schemeName: schemeNameAfter(op, edge),
        answers: op.answers !== undefined ? op.answers : edge.answers,
        version: edge.version + 1,
      };
      checkEdgeShape(state, next);
      checkReasoning(next, op);
      return {
        state: { ...state, nodes: state.nodes, edges: withEdges(state, [next]) },
        changedNodes: [],
        changedEdges: [op.id],
      };
    }
    case 'deleteEdge': {
      const edge = liveEdge(state, op.id);
      return {
        state: {
          ...state,
          nodes: state.nodes,
          edges: withEdges(state, [{ ...edge, deleted: true }]),
        },
        changedNodes: [],
        changedEdges: [op.id],
      };
    }
    case 'restoreEdge': {
      const edge = state.edges.get(op.id);
      if (!edge) throw new OpError('NOT_FOUND', 'The connection does not exist on this map');
      if (!edge.deleted) throw new OpError('VALIDATION_FAILED', 'The connection is not deleted');
      checkEdgeShape(state, edge);
      return {
        state: {
          ...state,
          nodes: state.nodes,
          edges: withEdges(state, [{ ...edge, deleted: false }]),
        },
        changedNodes: [],
        changedEdges: [op.id],
      };
    }
    case 'createSection': {
      const map = mapMeta(state);
      if (map.sections.some((s) => s.id === op.id))
        throw new OpError('ID_TAKEN', 'A section with this id already exists');
      if (map.sections.length >= MAX_SECTIONS)
        throw new OpError('VALIDATION_FAILED', `A map has at most ${MAX_SECTIONS} sections`);
      const parent = op.parentId === null ? null : checkSectionExists(state, op.parentId);
      const level = parent ? parent.level + 1 : 1;
      if (level > MAX_SECTION_LEVEL)
        throw new OpError(
          'VALIDATION_FAILED',
          `Sections nest at most ${MAX_SECTION_LEVEL} deep: put this one higher up`,
        );
      const section: MapSection = {
        id: op.id,
        title: op.title,
        level,
        parentId: op.parentId,
        data: null,
      };
      // After the parent's last subsection (a parent before its children), or last of all.
      const at = parent
        ? map.sections.indexOf(sectionSubtree(map.sections, parent.id).at(-1)!) + 1
        : map.sections.length;
      return withMap(state, { ...map, sections: map.sections.toSpliced(at, 0, section) });
    }
    case 'renameSection': {
      const map = mapMeta(state);
      const section = checkSectionExists(state, op.id);
      if (section.title !== op.expect.title)
        throw new OpError('STALE_VERSION', 'Someone else renamed this section in the meantime');
      return withMap(state, {
        ...map,
        sections: map.sections.map((s) => (s.id === op.id ? { ...s, title: op.title } : s)),
      });
    }
    case 'deleteSection': {
      const map = mapMeta(state);
      checkSectionExists(state, op.id);
      const gone = new Set(sectionSubtree(map.sections, op.id).map((s) => s.id));
      // Their cards (deleted ones too) stay on the map, in no section.
      const out = [...state.nodes.values()]
        .filter((n) => n.section && gone.has(n.section))
        .map(({ section: _section, ...rest }) => rest);
      return {
        state: {
          ...state,
          nodes: withNodes(state, out),
          map: { ...map, sections: map.sections.filter((s) => !gone.has(s.id)) },
        },
        changedNodes: out.map((n) => n.id),
        changedEdges: [],
        changedMap: true,
      };
    }
    case 'restoreSections': {
      const map = mapMeta(state);
      if (op.sections.some((r) => map.sections.some((s) => s.id === r.id)))
        throw new OpError('ID_TAKEN', 'A section with this id already exists');
      const at = Math.min(op.index, map.sections.length);
      const sections = ZSections.safeParse(map.sections.toSpliced(at, 0, ...op.sections));
      if (!sections.success)
        throw new OpError(
          'VALIDATION_FAILED',
          sections.error.issues[0]?.message ?? 'These sections no longer fit the map',
        );
      const restored = new Set(op.sections.map((s) => s.id));
      const back: NodeState[] = [];
      for (const card of op.cards) {
        const node = state.nodes.get(card.id);
        // A card someone put in another section since stays there.
        if (!node || !restored.has(card.section) || liveSection(map.sections, node.section))
          continue;
        back.push({ ...node, section: card.section });
      }
      return {
        state: {
          ...state,
          nodes: withNodes(state, back),
          map: { ...map, sections: sections.data },
        },
        changedNodes: back.map((n) => n.id),
        changedEdges: [],
        changedMap: true,
      };
    }
    case 'setTagColor': {
      const map = mapMeta(state);
      if ((colourOfTag(map.tagColors, op.tag) ?? null) !== op.expect)
        throw new OpError(
          'STALE_VERSION',
          'Someone else changed this tag’s colour in the meantime',
        );
      const tagColors = withTagColour(map.tagColors, op.tag, op.colour);
      if (Object.keys(tagColors).length > MAX_TAG_COLORS)
        throw new OpError('VALIDATION_FAILED', `A map has at most ${MAX_TAG_COLORS} tag colours`);
      return withMap(state, { ...map, tagColors });
    }
  }
}

/**
 * Whether a node update edits its content, and so bumps its version. Tags
 * alone do not (like marks): tagging a card does not make an open text
 * editor stale.
 */
export function editsContent(op: Extract<TOp, { type: 'updateNode' }>): boolean {
  return (
    op.text !== undefined ||
    op.kind !== undefined ||
    op.side !== undefined ||
    op.anchor !== undefined ||
    op.card !== undefined
  );
}

/** Applies ops in order; throws at the first that cannot apply, with its index. */
export function applyOps(state: GraphState, ops: readonly TOp[]): ApplyResult {
  const changedNodes = new Set<string>();
  const changedEdges = new Set<string>();
  let changedMap = false;
  let current = state;
  for (const [index, op] of ops.entries()) {
    try {
      const result = applyOp(current, op);
      current = result.state;
      result.changedNodes.forEach((id) => changedNodes.add(id));
      result.changedEdges.forEach((id) => changedEdges.add(id));
      changedMap ||= result.changedMap === true;
    } catch (error) {
      if (error instanceof OpError && ops.length > 1) {
        throw new OpError(
          error.code,
          `Change ${index + 1} of ${ops.length}: ${error.message}`,
          error.current,
        );
      }
      throw error;
    }
  }
  return {
    state: current,
    changedNodes: [...changedNodes],
    changedEdges: [...changedEdges],
    changedMap,
  };
}

/**
 * An edge's imported scheme name after an update: the one it sets, if it
 * sets one (undo does); otherwise setting the argument's scheme (or
 * untagging it) or changing the relation clears it, so AIF export never
 * writes a name the argument no longer has.
 */
export function schemeNameAfter(
  op: { scheme?: string | null; schemeName?: string | null; relation?: string },
  before: EdgeState,
) {
  if (op.schemeName !== undefined) return op.schemeName;
  if (op.scheme !== undefined || (op.relation !== undefined && op.relation !== before.relation))
    return null;
  return before.schemeName;
}

/**
 * A node's card after an update: the one it sets, if it sets one; otherwise
 * the card drops when the node stops being anchored evidence, and its marks
 * follow a new passage of the same source (lib/domain/evidence/card.ts,
 * rebaseMarks: shifted, and clipped to the new passage).
 */
function cardAfter(before: NodeState, after: NodeState, set: NodeState['card'] | undefined) {
  if (set !== undefined) return set;
  if (!before.card) return null;
  if (after.kind !== 'EVIDENCE' || !after.anchor) return null;
  if (before.anchor && after.anchor !== before.anchor)
    return rebaseMarks(before.card, before.anchor, after.anchor);
  return before.card;
}
