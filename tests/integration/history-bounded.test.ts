import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/server/authz';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { getMapAt } from '@/lib/server/maps/get-map-history';
import { CHECKPOINT_EVERY, checkpointsWritten } from '@/lib/server/maps/map-checkpoints';
import { createMap, testDb } from '../factories';

afterAll(async () => {
  await checkpointsWritten();
  await testDb().$disconnect();
});

const anonymous: Actor = { kind: 'anonymous' };
const BATCHES = 350;

/** Batch k of these maps creates node `<map>-k`: the graph after batch `seq` is nodes 1..seq. */
const nodeId = (mapId: string, k: number) => `${mapId}-${k}`;
const nodesUpTo = (mapId: string, seq: number) =>
  Array.from({ length: seq }, (_, i) => nodeId(mapId, i + 1)).sort();
const nodesAt = async (mapId: string, seq: number) =>
  (await getMapAt(anonymous, mapId, seq)).nodes.map((n) => n.id).sort();

const createNodeOp = (mapId: string, k: number) => ({
  type: 'createNode' as const,
  id: nodeId(mapId, k),
  kind: 'CLAIM' as const,
  text: `Claim ${k}`,
  x: 0,
  y: 0,
});

/** A public map whose log of BATCHES batches was written as the app writes it, checkpoints included. */
async function mapEditedLive() {
  const map = await createMap({ isPublic: true });
  const owner: Actor = { kind: 'user', userId: map.ownerId };
  for (let k = 1; k <= BATCHES; k++) {
    await applyMapOps(owner, map.id, ZApplyOpsInput.parse({ ops: [createNodeOp(map.id, k)] }));
    // Each checkpoint lands at the seq that called for it (no commit races it here).
    await checkpointsWritten();
  }
  return map;
}

/** A public map with a log of BATCHES batches written before there were checkpoints. */
async function mapWithOldLog() {
  const map = await createMap({ isPublic: true });
  const ops = Array.from({ length: BATCHES }, (_, i) => createNodeOp(map.id, i + 1));
  await testDb().node.createMany({
    data: ops.map(({ type: _t, ...node }) => ({ ...node, mapId: map.id })),
  });
  await testDb().mapOp.createMany({
    data: ops.map((op, i) => ({
      mapId: map.id,
      seq: i + 1,
      op: { ops: [op], inverse: [{ type: 'deleteNode', id: op.id }], intent: 'do' },
    })),
  });
  await testDb().argumentMap.update({ where: { id: map.id }, data: { lastSeq: BATCHES } });
  return map;
}

/**
 * Takes the inverse out of every batch of the log outside (from, to]: a view
 * that reads one of them answers "history does not reach back that far".
 */
async function onlyReadable(mapId: string, from: number, to: number) {
  await testDb().$executeRaw`
    UPDATE "MapOp" SET op = (op - 'inverse') || jsonb_build_object('hidden', op->'inverse')
    WHERE "mapId" = ${mapId} AND NOT (seq > ${from} AND seq <= ${to})`;
}
async function allReadable(mapId: string) {
  await testDb().$executeRaw`
    UPDATE "MapOp" SET op = (op - 'hidden') || jsonb_build_object('inverse', op->'hidden')
    WHERE "mapId" = ${mapId} AND op->'hidden' IS NOT NULL`;
}

const checkpointSeqs = async (mapId: string) =>
  (await testDb().mapCheckpoint.findMany({ where: { mapId }, orderBy: { seq: 'asc' } })).map(
    (c) => c.seq,
  );

describe('a view of the map as of a seq reads a bounded stretch of the log', () => {
  it('never more than CHECKPOINT_EVERY batches after the seq, however long the history', async () => {
    const map = await mapEditedLive();
    expect(await checkpointSeqs(map.id)).toEqual([100, 200, 300]);
    for (const seq of [0, 1, 57, 99, 100, 101, 199, 250, 299, 300, 349]) {
      await onlyReadable(map.id, seq, seq + CHECKPOINT_EVERY);
      try {
        expect(await nodesAt(map.id, seq), `as of seq ${seq}`).toEqual(nodesUpTo(map.id, seq));
      } finally {
        await allReadable(map.id);
      }
    }
  });

  it('works on a log older than checkpoints: the first view far back pays once and leaves checkpoints behind', async () => {
    const map = await mapWithOldLog();
    expect(await nodesAt(map.id, 10)).toEqual(nodesUpTo(map.id, 10));
    await checkpointsWritten();
    expect(await checkpointSeqs(map.id)).toEqual([50, 150, 250]);
    for (const seq of [0, 10, 49, 120, 200, 301]) {
      await onlyReadable(map.id, seq, seq + CHECKPOINT_EVERY);
      try {
        expect(await nodesAt(map.id, seq), `as of seq ${seq}`).toEqual(nodesUpTo(map.id, seq));
      } finally {
        await allReadable(map.id);
      }
    }
    // The next edit finds the log 100 batches past the newest checkpoint: it writes one.
    const owner: Actor = { kind: 'user', userId: map.ownerId };
    await applyMapOps(owner, map.id, ZApplyOpsInput.parse({ ops: [createNodeOp(map.id, 351)] }));
    await checkpointsWritten();
    expect(await checkpointSeqs(map.id)).toEqual([50, 150, 250, 351]);
  });

  it('keeps the first of two writers of the same checkpoint, without an error', async () => {
    const map = await mapWithOldLog();
    const errors = vi.spyOn(console, 'error');
    try {
      // Three readers at once, each backfilling the same checkpoints.
      const views = await Promise.all([0, 0, 0].map(() => nodesAt(map.id, 0)));
      expect(views).toEqual([[], [], []]);
      await checkpointsWritten();
      expect(await nodesAt(map.id, 0)).toEqual([]);
      await checkpointsWritten();
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    expect(await checkpointSeqs(map.id)).toEqual([50, 150, 250]);
    expect(await nodesAt(map.id, 120)).toEqual(nodesUpTo(map.id, 120));
  });
});
