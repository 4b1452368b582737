import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { MapSnapshot } from '@/lib/domain/types';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { getMapAt } from '@/lib/server/maps/get-map-history';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { addMember, createMap, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const WRITERS = 4;
const BATCHES_EACH = 12;

/**
 * Every batch here creates one claim, so the graph after batch `seq` is
 * exactly the claims created by batches 1..seq: the log replayed up to the
 * snapshot's seq must give the snapshot's nodes, no more and no fewer.
 */
async function expectMatchesLog(mapId: string, snapshots: MapSnapshot[]) {
  const log = await testDb().mapOp.findMany({ where: { mapId }, select: { seq: true, op: true } });
  const createdBy = new Map(
    log.map((row) => [row.seq, (row.op as { ops: { id: string }[] }).ops[0]!.id]),
  );
  for (const snapshot of snapshots) {
    const expected = [...createdBy].filter(([seq]) => seq <= snapshot.seq).map(([, id]) => id);
    expect(snapshot.nodes.map((n) => n.id).sort(), `at seq ${snapshot.seq}`).toEqual(
      expected.sort(),
    );
  }
}

describe('a map read while others write', () => {
  it('gives a snapshot and a past view whose nodes agree with their seq', async () => {
    const map = await createMap();
    const editors = await Promise.all(
      Array.from({ length: WRITERS }, () => addMember(map.id, 'EDITOR')),
    );
    const viewer = await addMember(map.id, 'VIEWER');
    let writing = true;
    const writers = Promise.all(
      editors.map(async (editor, w) => {
        for (let i = 0; i < BATCHES_EACH; i++) {
          await applyMapOps(
            editor,
            map.id,
            ZApplyOpsInput.parse({
              ops: [
                {
                  type: 'createNode',
                  id: randomUUID(),
                  kind: 'CLAIM',
                  text: `${w}.${i}`,
                  x: 0,
                  y: 0,
                },
              ],
            }),
          );
        }
      }),
    ).finally(() => {
      writing = false;
    });
    const snapshots: MapSnapshot[] = [];
    const past: MapSnapshot[] = [];
    while (writing) {
      snapshots.push(await getMapSnapshot(viewer, map.id));
      const at = Math.max(0, snapshots.at(-1)!.seq - 1);
      past.push(await getMapAt(viewer, map.id, at));
    }
    await writers;
    expect(snapshots.length).toBeGreaterThan(1);
    await expectMatchesLog(map.id, snapshots);
    await expectMatchesLog(map.id, past);
  });
});
