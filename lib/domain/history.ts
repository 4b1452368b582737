import { applyOp, editsContent, invertOp, type GraphState, type TOp } from './ops';

/**
 * Undo history that survives a reload. Every batch in the op log records
 * why it was sent (`intent`) and the ops that undo it (`inverse`); replaying
 * a user's own batches through the same stack discipline as the browser's
 * store rebuilds their undo and redo stacks exactly.
 */

export const INTENTS = ['do', 'undo', 'redo'] as const;
export type Intent = (typeof INTENTS)[number];

/**
 * One entry of an undo or redo stack: the ops that perform that step, and
 * where its batch stands in the map's op log (`seq`: rebuilt entries carry
 * it from the log, live ones once the server has answered). `at` is when a
 * live step was made by the browser's clock; rebuilt social steps carry
 * their batch's time (by the database's clock) instead.
 */
export type HistoryEntry<O = TOp> = { key: string; ops: O[]; at?: number; seq?: number };

/** One entry of a map's timeline. */
export type HistoryItem = { seq: number; at: string; who: string; color: string; summary: string };

/** A batch as logged: `inverse` is null for one that cannot be undone (an edit of a comment that was gone). */
export type LoggedBatch<O = TOp> = {
  key: string;
  intent: Intent;
  inverse: O[] | null;
  at?: number;
  seq?: number;
};

/** The ops that undo `ops` (applied in order to `before`), in the order to apply them. */
export function invertOps(before: GraphState, ops: readonly TOp[]): TOp[] {
  let state = before;
  const inverse: TOp[] = [];
  for (const op of ops) {
    inverse.unshift(invertOp(state, op));
    state = applyOp(state, op).state;
  }
  return inverse;
}

/**
 * Rebuilds the undo and redo stacks from one user's batches, oldest first.
 * A "do" pushes its inverse and clears redo; an undo moves a step to the
 * redo stack (as the undo's own inverse), a redo moves it back. A batch
 * that cannot be undone is no step: as a change it is skipped; as an undo or
 * redo it only takes its step off the stack. History that starts mid-way
 * (older batches not loaded) simply has fewer steps.
 */
export function rebuildHistory<O = TOp>(
  batches: readonly LoggedBatch<O>[],
  limit = 100,
): { undo: HistoryEntry<O>[]; redo: HistoryEntry<O>[] } {
  let undo: HistoryEntry<O>[] = [];
  let redo: HistoryEntry<O>[] = [];
  for (const batch of batches) {
    if (batch.inverse === null) {
      if (batch.intent === 'undo') undo.pop();
      if (batch.intent === 'redo') redo.pop();
      continue;
    }
    const entry: HistoryEntry<O> = { key: batch.key, ops: batch.inverse };
    if (batch.at !== undefined) entry.at = batch.at;
    if (batch.seq !== undefined) entry.seq = batch.seq;
    if (batch.intent === 'do') {
      undo.push(entry);
      redo = [];
    } else if (batch.intent === 'undo') {
      undo.pop();
      redo.push(entry);
    } else {
      redo.pop();
      undo.push(entry);
    }
    if (undo.length > limit) undo = undo.slice(-limit);
  }
  return { undo, redo };
}

/**
 * The graph as it was before some batches: their inverses applied to the
 * graph after them, newest first. `inverses` lists each later batch's
 * inverse in sequence order.
 */
export function rewind(after: GraphState, inverses: readonly TOp[][]): GraphState {
  let state = after;
  for (const inverse of [...inverses].reverse()) {
    // An inverse restores what its batch changed; applied leniently op by op,
    // since undo-style "expect" checks describe the state right after it.
    for (const op of inverse) state = unapply(state, op);
  }
  return state;
}

/**
 * One op of an inverse, rewinding: a content edit counted one version when
 * its batch was applied, so taking it back takes that version back too, and
 * the past graph has the versions it had then.
 */
function unapply(state: GraphState, op: TOp): GraphState {
  // A past graph without the map's sections and tag colours (a timeline's) skips their edits.
  if (!state.map) {
    if (op.type === 'updateNode' && op.section !== undefined) {
      const { section: _section, ...rest } = op;
      if (!changesNode(rest)) return state;
      op = rest;
    } else if (MAP_OPS.has(op.type)) return state;
  }
  const next = applyOp(state, withoutChecks(op)).state;
  if (op.type === 'updateNode' && editsContent(op)) {
    const node = next.nodes.get(op.id)!;
    const nodes = new Map(next.nodes).set(op.id, { ...node, version: node.version - 2 });
    return { ...next, nodes };
  }
  if (op.type === 'updateEdge') {
    const edge = next.edges.get(op.id)!;
    const edges = new Map(next.edges).set(op.id, { ...edge, version: edge.version - 2 });
    return { ...next, edges };
  }
  return next;
}

const MAP_OPS = new Set<TOp['type']>([
  'createSection',
  'renameSection',
  'deleteSection',
  'restoreSections',
  'setTagColor',
]);

/** Whether a node update still changes something. */
const changesNode = (op: Extract<TOp, { type: 'updateNode' }>) =>
  editsContent(op) || op.tags !== undefined;

/** An op with its staleness checks removed: rewinding replays history, it does not race anyone. */
function withoutChecks(op: TOp): TOp {
  if (op.type === 'updateNode' || op.type === 'updateEdge') {
    const { expect: _expect, baseVersion: _base, ...rest } = op;
    return { ...rest, expect: {} } as TOp;
  }
  return op;
}

/** One line for a timeline: what a batch did, in words. */
export function describeBatch(
  ops: readonly TOp[],
  intent: Intent,
  nameOf: (id: string) => string | null,
): string {
  const quote = (id: string) => {
    const text = nameOf(id);
    if (!text) return 'a node';
    return `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;
  };
  const parts: string[] = [];
  const created = ops.filter((op) => op.type === 'createNode');
  for (const op of created) parts.push(`added ${op.kind.toLowerCase()} ${quote(op.id)}`);
  for (const op of ops) {
    switch (op.type) {
      case 'updateNode':
        parts.push(
          op.text !== undefined
            ? `edited the text of ${quote(op.id)}`
            : op.section !== undefined && !editsContent(op) && op.tags === undefined
              ? op.section
                ? `put ${quote(op.id)} in a section`
                : `took ${quote(op.id)} out of its section`
              : !editsContent(op)
                ? `changed the tags of ${quote(op.id)}`
                : op.kind
                  ? `made ${quote(op.id)} a ${op.kind.toLowerCase()}`
                  : op.card !== undefined && op.anchor === undefined
                    ? op.card
                      ? `cut ${quote(op.id)} as a card`
                      : `stopped cutting ${quote(op.id)} as a card`
                    : `changed ${quote(op.id)}`,
        );
        break;
      case 'markCard':
        parts.push(
          `${op.on ? '' : 'un'}${op.layer === 'underline' ? 'underlined' : 'highlighted'} words of ${quote(op.id)}`,
        );
        break;
      case 'moveNodes':
        parts.push(
          op.moves.length === 1
            ? `moved ${quote(op.moves[0]!.id)}`
            : `moved ${op.moves.length} nodes`,
        );
        break;
      case 'deleteNode':
        parts.push(`deleted ${quote(op.id)}`);
        break;
      case 'restoreNode':
        parts.push(`brought back ${quote(op.id)}`);
        break;
      case 'createEdge':
        if (!created.some((c) => c.id === op.fromId || c.id === op.toId))
          parts.push(
            `connected ${quote(op.fromId)} ${op.relation.toLowerCase()} ${quote(op.toId)}`,
          );
        break;
      case 'updateEdge':
        parts.push(
          op.fromId || op.toId
            ? 'reconnected a connection'
            : op.groupId !== undefined
              ? op.groupId
                ? 'linked premises'
                : 'unlinked premises'
              : op.relation !== undefined
                ? `made a connection ${op.relation.toLowerCase()}`
                : op.scheme !== undefined
                  ? op.scheme
                    ? 'named an argument’s scheme'
                    : 'removed an argument’s scheme'
                  : op.answers
                    ? 'answered a critical question'
                    : 'unmarked a critical question’s answer',
        );
        break;
      case 'deleteEdge':
        parts.push('deleted a connection');
        break;
      case 'restoreEdge':
        parts.push('brought back a connection');
        break;
      case 'createSection':
        parts.push(`added section “${op.title}”`);
        break;
      case 'renameSection':
        parts.push(`renamed section “${op.expect.title}” to “${op.title}”`);
        break;
      case 'deleteSection':
        parts.push('deleted a section');
        break;
      case 'restoreSections':
        parts.push(`brought back section “${op.sections[0]!.title}”`);
        break;
      case 'setTagColor':
        parts.push(`changed the colour of tag “${op.tag}”`);
        break;
      default:
        break;
    }
  }
  const summary =
    [...new Set(parts)].slice(0, 3).join(', ') + (new Set(parts).size > 3 ? ', …' : '');
  const prefix = intent === 'undo' ? 'Undid: ' : intent === 'redo' ? 'Redid: ' : '';
  return prefix + (summary || 'made a change');
}
