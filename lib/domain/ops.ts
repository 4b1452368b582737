/**
 * Edits as data. Every change to a map's graph is one of these operations;
 * the same pure `applyOp` runs optimistically in the browser, authoritatively
 * on the server inside the transaction, and in tests. `invertOp` gives undo.
 *
 * This module is the entry point; the parts live beside it: op-schemas.ts
 * (what an op is), graph-state.ts (what it applies to), op-checks.ts (why it
 * is refused), apply-op.ts and invert-op.ts.
 */

export {
  MAX_TEXT_LENGTH,
  ZAnchor,
  ZId,
  ZNodeKind,
  ZOp,
  ZRelation,
  ZSide,
  ZText,
  type TOp,
} from './op-schemas';
/** What a client sends, before defaults (tests and the server build requests with it). */
export type { TOpInput } from './op-schemas';
export { graphStateOf, type EdgeState, type GraphState, type NodeState } from './graph-state';
export { OpError } from './op-checks';
export { applyOp, applyOps, editsContent } from './apply-op';
export { invertOp } from './invert-op';
export { opFootprint } from './op-footprint';
