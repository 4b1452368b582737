import { z } from 'zod';
import { NODE_KINDS, RELATIONS, SIDES, type GraphEdge, type GraphNode } from './types';

/**
 * Edits as data. Every change to a map's graph is one of these operations;
 * the same pure `applyOp` runs optimistically in the browser, authoritatively
 * on the server inside the transaction, and in tests. `invertOp` gives undo.
 */

export const MAX_TEXT_LENGTH = 5000;

export const ZId = z
  .string()
  .min(1, 'An id cannot be empty')
  .max(64, 'An id is at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'An id may contain only letters, digits, - and _');
export const ZNodeKind = z.enum(NODE_KINDS, {
  message: `The kind must be one of ${NODE_KINDS.join(', ')}`,
});
export const ZRelation = z.enum(RELATIONS, {
  message: `The relation must be one of ${RELATIONS.join(', ')}`,
});
export const ZSide = z.enum(SIDES, { message: `The side must be one of ${SIDES.join(', ')}` });
export const ZText = z
  .string()
  .trim()
  .min(1, 'The text cannot be empty')
  .max(MAX_TEXT_LENGTH, `The text cannot be longer than ${MAX_TEXT_LENGTH} characters`);
const ZCoordinate = z.number().finite().min(-1e7).max(1e7);
const ZVersion = z.number().int().positive();

export const ZAnchor = z
  .object({
    sourceId: ZId,
    exact: z.string().min(1).max(MAX_TEXT_LENGTH),
    prefix: z.string().max(64),
    suffix: z.string().max(64),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((a) => a.end > a.start && a.end - a.start === a.exact.length, {
    message: 'The anchor offsets do not match the length of its quote',
  });

export const ZCreateNodeOp = z.object({
  type: z.literal('createNode'),
  id: ZId,
  kind: ZNodeKind,
  text: ZText,
  side: ZSide.default('NEUTRAL'),
  x: ZCoordinate,
  y: ZCoordinate,
  anchor: ZAnchor.nullable().default(null),
});
const ZNodeFields = z.object({
  text: ZText.optional(),
  kind: ZNodeKind.optional(),
  side: ZSide.optional(),
  anchor: ZAnchor.nullable().optional(),
});
const ZEdgeFields = z.object({
  fromId: ZId.optional(),
  toId: ZId.optional(),
  relation: ZRelation.optional(),
  groupId: ZId.nullable().optional(),
});
const changesSomething = (fields: Record<string, unknown>) =>
  Object.values(fields).some((v) => v !== undefined);

/**
 * An edit is checked one of two ways: `baseVersion` (the version the editor
 * saw: any change since is a conflict) or `expect` (the values the fields
 * must still hold). Undo uses `expect`, because undo is itself an edit: a
 * user undoing several of their own edits in a row must not trip over the
 * versions their earlier undos produced, while anyone else's change in
 * between still makes the undo stale.
 */
export const ZUpdateNodeOp = ZNodeFields.extend({
  type: z.literal('updateNode'),
  id: ZId,
  baseVersion: ZVersion.optional(),
  expect: ZNodeFields.optional(),
})
  .refine(
    (op) => changesSomething({ text: op.text, kind: op.kind, side: op.side, anchor: op.anchor }),
    {
      message: 'An update must change the text, kind, side or anchor',
    },
  )
  .refine((op) => (op.baseVersion === undefined) !== (op.expect === undefined), {
    message: 'An update needs either the version it was based on or the values it expects',
  });
export const ZMoveNodesOp = z.object({
  type: z.literal('moveNodes'),
  moves: z
    .array(z.object({ id: ZId, x: ZCoordinate, y: ZCoordinate }))
    .min(1)
    .max(5000),
});
export const ZDeleteNodeOp = z.object({ type: z.literal('deleteNode'), id: ZId });
export const ZRestoreNodeOp = z.object({
  type: z.literal('restoreNode'),
  id: ZId,
  edgeIds: z.array(ZId).max(5000),
});
export const ZCreateEdgeOp = z.object({
  type: z.literal('createEdge'),
  id: ZId,
  fromId: ZId,
  toId: ZId,
  relation: ZRelation,
  groupId: ZId.nullable().default(null),
});
export const ZUpdateEdgeOp = ZEdgeFields.extend({
  type: z.literal('updateEdge'),
  id: ZId,
  baseVersion: ZVersion.optional(),
  expect: ZEdgeFields.optional(),
})
  .refine(
    (op) =>
      changesSomething({
        fromId: op.fromId,
        toId: op.toId,
        relation: op.relation,
        groupId: op.groupId,
      }),
    {
      message: 'An update must change an end, the relation or the group',
    },
  )
  .refine((op) => (op.baseVersion === undefined) !== (op.expect === undefined), {
    message: 'An update needs either the version it was based on or the values it expects',
  });
export const ZDeleteEdgeOp = z.object({ type: z.literal('deleteEdge'), id: ZId });
export const ZRestoreEdgeOp = z.object({ type: z.literal('restoreEdge'), id: ZId });

export const ZOp = z.discriminatedUnion('type', [
  ZCreateNodeOp,
  ZUpdateNodeOp,
  ZMoveNodesOp,
  ZDeleteNodeOp,
  ZRestoreNodeOp,
  ZCreateEdgeOp,
  ZUpdateEdgeOp,
  ZDeleteEdgeOp,
  ZRestoreEdgeOp,
]);
export type TOp = z.infer<typeof ZOp>;
/** An op as written by a client, before zod fills defaults. */
export type TOpInput = z.input<typeof ZOp>;

export type NodeState = GraphNode & { deleted: boolean };
export type EdgeState = GraphEdge & { deleted: boolean };

/** The whole graph of a map, deleted entities included (undo restores them). */
export type GraphState = {
  readonly nodes: ReadonlyMap<string, NodeState>;
  readonly edges: ReadonlyMap<string, EdgeState>;
};

export const emptyGraph = (): GraphState => ({ nodes: new Map(), edges: new Map() });

export type OpErrorCode =
  'NOT_FOUND' | 'VALIDATION_FAILED' | 'DUPLICATE_EDGE' | 'STALE_VERSION' | 'ID_TAKEN' | 'DELETED';

/** Why an op cannot apply. `current` carries the entity as it is now, for STALE_VERSION. */
export class OpError extends Error {
  override name = 'OpError';
  constructor(
    readonly code: OpErrorCode,
    message: string,
    readonly current?: NodeState | EdgeState,
  ) {
    super(message);
  }
}

export type ApplyResult = {
  state: GraphState;
  /** Ids of the nodes and edges this op changed (to write back, or to redraw). */
  changedNodes: string[];
  changedEdges: string[];
};

function liveNode(state: GraphState, id: string, role = 'node'): NodeState {
  const node = state.nodes.get(id);
  if (!node) throw new OpError('NOT_FOUND', `The ${role} does not exist on this map`);
  if (node.deleted) throw new OpError('DELETED', `The ${role} has been deleted`);
  return node;
}

function liveEdge(state: GraphState, id: string): EdgeState {
  const edge = state.edges.get(id);
  if (!edge) throw new OpError('NOT_FOUND', 'The connection does not exist on this map');
  if (edge.deleted) throw new OpError('DELETED', 'The connection has been deleted');
  return edge;
}

/** Refuses an edit whose base is out of date: by version, or by the values it expects. */
function checkBase<T extends NodeState | EdgeState>(
  entity: T,
  baseVersion: number | undefined,
  expect: Partial<Record<string, unknown>> | undefined,
) {
  const stale =
    baseVersion !== undefined
      ? entity.version !== baseVersion
      : Object.entries(expect ?? {}).some(
          ([key, value]) =>
            value !== undefined &&
            JSON.stringify((entity as Record<string, unknown>)[key]) !== JSON.stringify(value),
        );
  if (stale)
    throw new OpError('STALE_VERSION', 'Someone else changed this in the meantime', entity);
}

/** Refuses a self-loop, an end that is missing or deleted, and a second identical live edge. */
function checkEdgeShape(
  state: GraphState,
  edge: Pick<GraphEdge, 'id' | 'fromId' | 'toId' | 'relation'>,
) {
  if (edge.fromId === edge.toId)
    throw new OpError('VALIDATION_FAILED', 'A node cannot be connected to itself');
  liveNode(state, edge.fromId, 'node the connection starts from');
  liveNode(state, edge.toId, 'node the connection points to');
  for (const other of state.edges.values()) {
    if (
      other.id !== edge.id &&
      !other.deleted &&
      other.fromId === edge.fromId &&
      other.toId === edge.toId &&
      other.relation === edge.relation
    ) {
      throw new OpError('DUPLICATE_EDGE', 'These two nodes are already connected that way');
    }
  }
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
        deleted: false,
      };
      return {
        state: { nodes: withNodes(state, [node]), edges: state.edges },
        changedNodes: [op.id],
        changedEdges: [],
      };
    }
    case 'updateNode': {
      const node = liveNode(state, op.id);
      checkBase(node, op.baseVersion, op.expect);
      const next: NodeState = {
        ...node,
        text: op.text ?? node.text,
        kind: op.kind ?? node.kind,
        side: op.side ?? node.side,
        anchor: op.anchor !== undefined ? op.anchor : node.anchor,
        version: node.version + 1,
      };
      return {
        state: { nodes: withNodes(state, [next]), edges: state.edges },
        changedNodes: [op.id],
        changedEdges: [],
      };
    }
    case 'moveNodes': {
      const moved = op.moves.map((m) => ({ ...liveNode(state, m.id), x: m.x, y: m.y }));
      return {
        state: { nodes: withNodes(state, moved), edges: state.edges },
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
        next = { nodes: next.nodes, edges: withEdges(next, [back]) };
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
        version: 1,
        deleted: false,
      };
      checkEdgeShape(state, edge);
      return {
        state: { nodes: state.nodes, edges: withEdges(state, [edge]) },
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
        version: edge.version + 1,
      };
      checkEdgeShape(state, next);
      return {
        state: { nodes: state.nodes, edges: withEdges(state, [next]) },
        changedNodes: [],
        changedEdges: [op.id],
      };
    }
    case 'deleteEdge': {
      const edge = liveEdge(state, op.id);
      return {
        state: { nodes: state.nodes, edges: withEdges(state, [{ ...edge, deleted: true }]) },
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
        state: { nodes: state.nodes, edges: withEdges(state, [{ ...edge, deleted: false }]) },
        changedNodes: [],
        changedEdges: [op.id],
      };
    }
  }
}

/** Applies ops in order; throws at the first that cannot apply, with its index. */
export function applyOps(state: GraphState, ops: readonly TOp[]): ApplyResult {
  const changedNodes = new Set<string>();
  const changedEdges = new Set<string>();
  let current = state;
  for (const [index, op] of ops.entries()) {
    try {
      const result = applyOp(current, op);
      current = result.state;
      result.changedNodes.forEach((id) => changedNodes.add(id));
      result.changedEdges.forEach((id) => changedEdges.add(id));
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
  return { state: current, changedNodes: [...changedNodes], changedEdges: [...changedEdges] };
}

/**
 * The op that undoes `op`, given the state `before` it was applied (and
 * assuming it applied). An undone update expects the values the update set,
 * so an undo over someone else's later change is refused as stale instead
 * of silently overwriting it.
 */
export function invertOp(before: GraphState, op: TOp): TOp {
  switch (op.type) {
    case 'createNode':
      return { type: 'deleteNode', id: op.id };
    case 'updateNode': {
      const node = before.nodes.get(op.id)!;
      return {
        type: 'updateNode',
        id: op.id,
        expect: { text: op.text, kind: op.kind, side: op.side, anchor: op.anchor },
        ...(op.text !== undefined && { text: node.text }),
        ...(op.kind !== undefined && { kind: node.kind }),
        ...(op.side !== undefined && { side: node.side }),
        ...(op.anchor !== undefined && { anchor: node.anchor }),
      };
    }
    case 'moveNodes':
      return {
        type: 'moveNodes',
        moves: op.moves.map((m) => {
          const node = before.nodes.get(m.id)!;
          return { id: m.id, x: node.x, y: node.y };
        }),
      };
    case 'deleteNode':
      return {
        type: 'restoreNode',
        id: op.id,
        edgeIds: [...before.edges.values()]
          .filter((e) => !e.deleted && (e.fromId === op.id || e.toId === op.id))
          .map((e) => e.id),
      };
    case 'restoreNode':
      return { type: 'deleteNode', id: op.id };
    case 'createEdge':
      return { type: 'deleteEdge', id: op.id };
    case 'updateEdge': {
      const edge = before.edges.get(op.id)!;
      return {
        type: 'updateEdge',
        id: op.id,
        expect: { fromId: op.fromId, toId: op.toId, relation: op.relation, groupId: op.groupId },
        ...(op.fromId !== undefined && { fromId: edge.fromId }),
        ...(op.toId !== undefined && { toId: edge.toId }),
        ...(op.relation !== undefined && { relation: edge.relation }),
        ...(op.groupId !== undefined && { groupId: edge.groupId }),
      };
    }
    case 'deleteEdge':
      return { type: 'restoreEdge', id: op.id };
    case 'restoreEdge':
      return { type: 'deleteEdge', id: op.id };
  }
}

/** Builds a state from snapshot-shaped lists. */
export function graphStateOf(nodes: readonly NodeState[], edges: readonly EdgeState[]): GraphState {
  return {
    nodes: new Map(nodes.map((n) => [n.id, n])),
    edges: new Map(edges.map((e) => [e.id, e])),
  };
}
