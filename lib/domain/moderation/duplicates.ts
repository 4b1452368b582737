import type { GraphState } from '../graph-state';
import type { TOp } from '../ops';
import type { NodeKind } from '../types';
import { similarClaims } from './similar-claims';

/** Kinds whose new cards are checked against what is already on the map (evidence quotes a source; questions may repeat). */
const CHECKED_KINDS: ReadonlySet<NodeKind> = new Set(['CLAIM', 'PREMISE', 'OBJECTION', 'REBUTTAL']);

/**
 * The live cards of the map that say nearly what a new card of `kind` now
 * says, most alike first: offered to its writer before theirs is saved.
 */
export function duplicatesOf(
  state: GraphState,
  newId: string,
  kind: NodeKind,
  text: string,
): { id: string; text: string }[] {
  if (!CHECKED_KINDS.has(kind)) return [];
  const others = [...state.nodes.values()].filter(
    (n) => n.id !== newId && !n.deleted && CHECKED_KINDS.has(n.kind),
  );
  return similarClaims(text, others).map((m) => ({ id: m.node.id, text: m.node.text }));
}

/**
 * Uses an existing card instead of a new one that repeats it, as one undo
 * step: each of the new card's connections is made from (or to) the
 * existing card, unless it already has that connection or it would join the
 * card to itself; then the new card goes, with its connections.
 */
export function replaceWithExisting(
  state: GraphState,
  newId: string,
  existingId: string,
  makeId: () => string,
): TOp[] {
  const live = [...state.edges.values()].filter((e) => !e.deleted);
  // A contradiction has no direction: the existing card contradicting the other either way has it.
  const has = (fromId: string, toId: string, relation: string) =>
    live.some(
      (e) =>
        e.relation === relation &&
        ((e.fromId === fromId && e.toId === toId) ||
          (relation === 'CONTRADICTS' && e.fromId === toId && e.toId === fromId)),
    );
  const moved: TOp[] = [];
  for (const e of live) {
    if (e.fromId !== newId && e.toId !== newId) continue;
    const fromId = e.fromId === newId ? existingId : e.fromId;
    const toId = e.toId === newId ? existingId : e.toId;
    if (fromId === toId || has(fromId, toId, e.relation)) continue;
    if (moved.some((op) => op.type === 'createEdge' && op.fromId === fromId && op.toId === toId))
      continue;
    moved.push({
      type: 'createEdge',
      id: makeId(),
      fromId,
      toId,
      relation: e.relation,
      groupId: null,
    });
  }
  return [...moved, { type: 'deleteNode', id: newId }];
}
