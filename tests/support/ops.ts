import {
  applyOps,
  graphStateOf,
  OpError,
  ZOp,
  type GraphState,
  type TOp,
  type TOpInput,
} from '@/lib/domain/ops';
import type { Relation } from '@/lib/domain/types';

/** Shared by the domain tests of ops, undo history and the map store. */

export const op = (input: TOpInput): TOp => ZOp.parse(input);
export const node = (id: string, text = `Claim ${id}`): TOp =>
  op({ type: 'createNode', id, kind: 'CLAIM', text, x: 0, y: 0 });
export const edge = (
  id: string,
  fromId: string,
  toId: string,
  relation: Relation = 'SUPPORTS',
): TOp => op({ type: 'createEdge', id, fromId, toId, relation });

export function build(...ops: TOp[]): GraphState {
  return applyOps(graphStateOf([], []), ops).state;
}

export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof OpError) return error.code;
    throw error;
  }
  return undefined;
}

/**
 * The graph as a user sees it: live nodes and edges, and the map's sections
 * and tag colours (when the state has them). Versions are
 * bookkeeping, and deleted entities are tombstones kept for redo.
 */
export function content(state: GraphState) {
  const strip = <T extends { version: number }>({ version: _v, ...rest }: T) => rest;
  const live = <T extends { deleted: boolean; id: string }>(items: Iterable<T>) =>
    [...items].filter((x) => !x.deleted).sort((a, b) => a.id.localeCompare(b.id));
  return {
    nodes: live(state.nodes.values()).map(strip),
    edges: live(state.edges.values()).map(strip),
    map: state.map,
  };
}
