import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { TOpInput } from '@/lib/domain/ops';
import type { Actor } from '@/lib/server/authz';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { addMember, createMap, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

function apply(
  actor: Actor,
  mapId: string,
  ops: TOpInput[],
  intent: 'do' | 'undo' | 'redo' = 'do',
) {
  return applyMapOps(
    actor,
    mapId,
    ZApplyOpsInput.parse({ ops, intent, idempotencyKey: randomUUID() }),
  );
}

describe('undo after reload', () => {
  it("a user's snapshot carries their own undo and redo steps, rebuilt from the op log", async () => {
    const map = await createMap();
    const alice = await addMember(map.id, 'EDITOR');
    const bob = await addMember(map.id, 'EDITOR');
    const id = randomUUID();
    await apply(alice, map.id, [
      { type: 'createNode', id, kind: 'CLAIM', text: 'Original', x: 0, y: 0 },
    ]);
    await apply(alice, map.id, [{ type: 'updateNode', id, baseVersion: 1, text: 'Edited' }]);
    await apply(bob, map.id, [{ type: 'moveNodes', moves: [{ id, x: 300, y: 300 }] }]);

    const forAlice = await getMapSnapshot(alice, map.id, { withHistory: true });
    expect(forAlice.history!.undo).toHaveLength(2);
    // Only the editor's page asks for it: briefs, exports and stream resyncs do not read the log.
    expect((await getMapSnapshot(alice, map.id)).history).toBeUndefined();
    expect(forAlice.history!.redo).toHaveLength(0);
    // Her latest step undoes her text edit, and expects the text she set.
    expect(forAlice.history!.undo.at(-1)!.ops).toEqual([
      { type: 'updateNode', id, text: 'Original', expect: { text: 'Edited' } },
    ]);
    // Placed by the log's order (her batches were 1 and 2), not by the database's clock.
    expect(forAlice.history!.undo.map((h) => [h.seq, h.at])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    // Her page knows her batches when the stream brings them back.
    expect(forAlice.actorId).toBe(alice.userId);
    // Bob's move is his to undo, not hers.
    expect(
      (await getMapSnapshot(bob, map.id, { withHistory: true })).history!.undo.map(
        (h) => h.ops[0]!.type,
      ),
    ).toEqual(['moveNodes']);

    // Performing the undo step from the snapshot is an ordinary, checked edit.
    await apply(alice, map.id, forAlice.history!.undo.at(-1)!.ops, 'undo');
    const afterUndo = await getMapSnapshot(alice, map.id, { withHistory: true });
    expect(afterUndo.nodes.find((n) => n.id === id)!.text).toBe('Original');
    expect(afterUndo.history!.undo).toHaveLength(1);
    expect(afterUndo.history!.redo.at(-1)!.ops).toEqual([
      { type: 'updateNode', id, text: 'Edited', expect: { text: 'Original' } },
    ]);
  });

  it('flowing a practice round never pushes map edits out of the undo history', async () => {
    const map = await createMap();
    const alice = await addMember(map.id, 'EDITOR');
    const id = randomUUID();
    await apply(alice, map.id, [
      { type: 'createNode', id, kind: 'CLAIM', text: 'Before the round', x: 0, y: 0 },
    ]);
    // More round batches of hers than the history reads (a long flow), logged after the edit.
    const { lastSeq } = await testDb().argumentMap.findUniqueOrThrow({ where: { id: map.id } });
    await testDb().mapOp.createMany({
      data: Array.from({ length: 250 }, (_, i) => ({
        mapId: map.id,
        seq: lastSeq + i + 1,
        actorId: alice.userId,
        op: { kind: 'round', roundId: 'r', ops: [] },
      })),
    });
    await testDb().argumentMap.update({ where: { id: map.id }, data: { lastSeq: lastSeq + 250 } });
    const forAlice = await getMapSnapshot(alice, map.id, { withHistory: true });
    expect(forAlice.history!.undo).toHaveLength(1);
  });

  it('readers who cannot edit get no history', async () => {
    const map = await createMap();
    const viewer = await addMember(map.id, 'VIEWER');
    expect((await getMapSnapshot(viewer, map.id, { withHistory: true })).history).toEqual({
      undo: [],
      redo: [],
    });
  });

  it('refuses an unknown intent with a validation error', () => {
    expect(
      ZApplyOpsInput.safeParse({ ops: [{ type: 'deleteNode', id: 'x' }], intent: 'replay' })
        .success,
    ).toBe(false);
  });
});
