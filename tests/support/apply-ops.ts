import { randomUUID } from 'node:crypto';
import type { TOpInput } from '@/lib/domain/ops';
import type { Actor } from '@/lib/server/authz';
import { AppError } from '@/lib/server/errors';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { addMember, createMap, testDb } from '../factories';

/** Shared by the integration tests of applying ops to a map. */

export const id = () => randomUUID();

export async function editableMap() {
  const map = await createMap();
  return { map, editor: await addMember(map.id, 'EDITOR') };
}

export function apply(actor: Actor, mapId: string, ops: TOpInput[], idempotencyKey?: string) {
  return applyMapOps(actor, mapId, ZApplyOpsInput.parse({ ops, idempotencyKey }));
}

export async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The AppError `run` is refused with, as "CODE: message", for comparing whole. */
export async function refusalOf(run: () => Promise<unknown>): Promise<string> {
  const error = await errorOf(run());
  return `${error.code}: ${error.message}`;
}

export const claim = (nodeId: string, text = 'A claim'): TOpInput => ({
  type: 'createNode',
  id: nodeId,
  kind: 'CLAIM',
  text,
  x: 10,
  y: 20,
});

export async function snapshot(mapId: string) {
  const [nodes, edges, map, ops] = await Promise.all([
    testDb().node.findMany({ where: { mapId }, orderBy: { id: 'asc' } }),
    testDb().edge.findMany({ where: { mapId }, orderBy: { id: 'asc' } }),
    testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } }),
    testDb().mapOp.count({ where: { mapId } }),
  ]);
  return { nodes, edges, lastSeq: map.lastSeq, ops };
}
