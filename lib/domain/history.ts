import { applyOp, invertOp, type GraphState, type TOp } from './ops';

/**
 * Undo history that survives a reload. Every batch in the op log records
 * why it was sent (`intent`) and the ops that undo it (`inverse`); replaying
 * a user's own batches through the same stack discipline as the browser's
 * store rebuilds their undo and redo stacks exactly.
 */

export const INTENTS = ['do', 'undo', 'redo'] as const;
export type Intent = (typeof INTENTS)[number];

/** One entry of an undo or redo stack: the ops that perform that step. */
export type HistoryEntry = { key: string; ops: TOp[] };

export type LoggedBatch = { key: string; intent: Intent; inverse: TOp[] };

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
 * redo stack (as the undo's own inverse), a redo moves it back. History that
 * starts mid-way (older batches not loaded) simply has fewer steps.
 */
export function rebuildHistory(batches: readonly LoggedBatch[], limit = 100): { undo: HistoryEntry[]; redo: HistoryEntry[] } {
  let undo: HistoryEntry[] = [];
  let redo: HistoryEntry[] = [];
  for (const batch of batches) {
    const entry = { key: batch.key, ops: batch.inverse };
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
