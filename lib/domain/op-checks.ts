import { marksOutOfRange, normalizeMarks, type CardMarks } from './evidence/card';
import type { EdgeState, GraphState, MapMeta, NodeState } from './graph-state';
import type { MapSection } from './sections';
import type { GraphEdge } from './types';

/** Why an op is refused, and the checks shared by applying ops that refuse it. */

type OpErrorCode =
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

/** The node `id`, refused as NOT_FOUND or DELETED unless it exists and is live; `role` names it in the message. */
export function liveNode(state: GraphState, id: string, role = 'node'): NodeState {
  const node = state.nodes.get(id);
  if (!node) throw new OpError('NOT_FOUND', `The ${role} does not exist on this map`);
  if (node.deleted) throw new OpError('DELETED', `The ${role} has been deleted`);
  return node;
}

/** The connection `id`, refused as NOT_FOUND or DELETED unless it exists and is live. */
export function liveEdge(state: GraphState, id: string): EdgeState {
  const edge = state.edges.get(id);
  if (!edge) throw new OpError('NOT_FOUND', 'The connection does not exist on this map');
  if (edge.deleted) throw new OpError('DELETED', 'The connection has been deleted');
  return edge;
}

/** Refuses an edit whose base is out of date: by version, or by the values it expects. */
export function checkBase<T extends NodeState | EdgeState>(
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

/**
 * Refuses a self-loop, an end that is missing or deleted, and a second
 * identical live edge. A contradiction has no direction, so A >< B and
 * B >< A are the same edge (the second is a duplicate), and it joins two
 * statements on its own: never part of a linked group.
 */
export function checkEdgeShape(
  state: GraphState,
  edge: Pick<GraphEdge, 'id' | 'fromId' | 'toId' | 'relation' | 'groupId'>,
) {
  if (edge.fromId === edge.toId)
    throw new OpError(
      'VALIDATION_FAILED',
      edge.relation === 'CONTRADICTS'
        ? 'A statement cannot contradict itself'
        : 'A node cannot be connected to itself',
    );
  if (edge.relation === 'CONTRADICTS' && edge.groupId !== null)
    throw new OpError(
      'VALIDATION_FAILED',
      'A contradiction joins two statements on its own; it cannot be part of a linked group',
    );
  liveNode(state, edge.fromId, 'node the connection starts from');
  liveNode(state, edge.toId, 'node the connection points to');
  for (const other of state.edges.values()) {
    if (other.id === edge.id || other.deleted || other.relation !== edge.relation) continue;
    const same = other.fromId === edge.fromId && other.toId === edge.toId;
    const reversed = other.fromId === edge.toId && other.toId === edge.fromId;
    if (same || (edge.relation === 'CONTRADICTS' && reversed))
      throw new OpError(
        'DUPLICATE_EDGE',
        edge.relation === 'CONTRADICTS'
          ? 'These two statements already contradict each other'
          : 'These two nodes are already connected that way',
      );
  }
}

/**
 * A node's card as it may be stored: only an evidence node quoting a
 * passage can be a card, its marks must lie within that passage, and they
 * are kept sorted and merged.
 */
export function checkedCard(node: Pick<NodeState, 'kind' | 'anchor'>, card: CardMarks | null) {
  if (card === null) return null;
  if (node.kind !== 'EVIDENCE' || !node.anchor)
    throw new OpError(
      'VALIDATION_FAILED',
      'Only evidence that quotes a source can be cut as a card',
    );
  const length = node.anchor.exact.length;
  const outside = marksOutOfRange(card, length);
  if (outside) throw new OpError('VALIDATION_FAILED', outside);
  return normalizeMarks(card, length);
}

/**
 * Refuses tagging anything but a support with a scheme, and marking
 * anything but an attack or undercut as an answer, when an op sets them.
 * (A later change of relation keeps the value; the reasoning aids ignore it
 * where it no longer fits.) A contradiction is not an argument and answers
 * no question, so it may never hold either, whichever op would leave one
 * on it.
 */
export function checkReasoning(
  edge: Pick<GraphEdge, 'relation' | 'scheme' | 'answers'>,
  op: { scheme?: string | null; answers?: unknown },
) {
  if (edge.relation === 'CONTRADICTS' && (edge.scheme || edge.answers))
    throw new OpError(
      'VALIDATION_FAILED',
      'A contradiction cannot have a scheme or answer a critical question',
    );
  if (op.scheme && edge.relation !== 'SUPPORTS')
    throw new OpError('VALIDATION_FAILED', 'Only a supporting argument can have a scheme');
  if (op.answers && edge.relation !== 'ATTACKS' && edge.relation !== 'UNDERCUTS')
    throw new OpError(
      'VALIDATION_FAILED',
      'Only an attack or an undercut can answer a critical question',
    );
}

/** The map's sections and tag colours; a state without them cannot apply a map-wide op. */
export function mapMeta(state: GraphState): MapMeta {
  if (!state.map) throw new Error('The map’s sections and tag colours were not loaded for this op');
  return state.map;
}

/** The section `id`, refused as NOT_FOUND unless the map has it. */
export function checkSectionExists(state: GraphState, id: string): MapSection {
  const section = mapMeta(state).sections.find((s) => s.id === id);
  if (!section) throw new OpError('NOT_FOUND', 'The section does not exist on this map');
  return section;
}
