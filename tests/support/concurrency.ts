import { expect } from 'vitest';
import type { SendResult } from '@/lib/client/map-store';
import type { Intent } from '@/lib/domain/history';
import { applyOps, graphStateOf, type GraphState, type TOp } from '@/lib/domain/ops';
import type { Actor } from '@/lib/server/authz';
import { AppError } from '@/lib/server/errors';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { edgeStateOf, nodeStateOf } from '@/lib/server/maps/graph-rows';
import { testDb } from '../factories';

/** Shared by the concurrency tests: the map as stored, as logged, and as a client sends to it. */

/** The map as stored, in comparable form. */
export async function storedGraph(mapId: string): Promise<GraphState> {
  const [nodes, edges] = await Promise.all([
    testDb().node.findMany({ where: { mapId } }),
    testDb().edge.findMany({ where: { mapId } }),
  ]);
  return graphStateOf(nodes.map(nodeStateOf), edges.map(edgeStateOf));
}

/** The op log replayed from an empty map. */
export async function replayedLog(mapId: string): Promise<GraphState> {
  const rows = await testDb().mapOp.findMany({ where: { mapId }, orderBy: { seq: 'asc' } });
  expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  return rows.reduce(
    (state, row) => applyOps(state, (row.op as { ops: TOp[] }).ops).state,
    graphStateOf([], []),
  );
}

export const live = (state: GraphState) => ({
  nodes: [...state.nodes.values()]
    .filter((n) => !n.deleted)
    .map((n) => `${n.id} ${n.kind} ${n.text} ${n.x},${n.y} v${n.version}`)
    .sort(),
  edges: [...state.edges.values()]
    .filter((e) => !e.deleted)
    .map((e) => `${e.id} ${e.fromId}-${e.relation}->${e.toId} v${e.version}`)
    .sort(),
});
/** JSON with keys in a fixed order, so equal entities print equally. */
const canonical = (value: object) => JSON.stringify(value, Object.keys(value).sort());
export const everything = (state: GraphState) => ({
  nodes: [...state.nodes.values()]
    .map((n) => `${canonical(n)} ${canonical(n.anchor ?? {})}`)
    .sort(),
  edges: [...state.edges.values()].map(canonical).sort(),
});

/** Sends a batch to the real use case and answers as the route would, for MapStore. */
export async function send(
  actor: Actor,
  mapId: string,
  ops: TOp[],
  key: string,
  intent: Intent,
): Promise<SendResult> {
  try {
    const result = await applyMapOps(
      actor,
      mapId,
      ZApplyOpsInput.parse({ ops, idempotencyKey: key, intent }),
    );
    return { ok: true, seq: result.seq };
  } catch (error) {
    if (error instanceof AppError)
      return {
        ok: false,
        code: error.code,
        message: error.message,
        current: (error.details as { current?: unknown })?.current,
      };
    throw error;
  }
}
