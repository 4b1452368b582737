import { afterAll, describe, expect, it } from 'vitest';
import type { Prisma } from '@/lib/generated/prisma/client';
import { activityOnMap } from '@/lib/server/tasks/activity';
import { getClassProgress } from '@/lib/server/tasks/get-progress';
import { addMember, createMap, createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const T0 = Date.parse('2026-12-03T09:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

const createNode = (kind: string) => ({
  type: 'createNode',
  id: kind,
  kind,
  text: kind,
  x: 0,
  y: 0,
});

/** Log rows as the writers store them, at chosen times (the log is the only input). */
async function logRows(mapId: string, rows: { actorId: string; at: Date; op: unknown }[]) {
  await testDb().mapOp.createMany({
    data: rows.map((row, i) => ({
      mapId,
      seq: i + 1,
      actorId: row.actorId,
      op: row.op as Prisma.InputJsonValue,
      createdAt: row.at,
    })),
  });
}

describe('activity from the op log', () => {
  it('counts cards by kind, comments, votes and time active per person', async () => {
    const owner = await createUser();
    const map = await createMap({ ownerId: owner.id });
    const amira = await addMember(map.id, 'EDITOR');
    const ben = await addMember(map.id, 'EDITOR');
    const graph = (ops: unknown[], intent = 'do') => ({ ops, inverse: [], intent });
    await logRows(map.id, [
      // Amira: a stretch of three batches a minute apart, then one an hour later.
      {
        actorId: amira.userId,
        at: at(0),
        op: graph([createNode('CLAIM'), { type: 'createEdge', id: 'e' }]),
      },
      {
        actorId: amira.userId,
        at: at(60),
        op: graph([createNode('EVIDENCE'), createNode('OBJECTION')]),
      },
      {
        actorId: amira.userId,
        at: at(120),
        op: {
          kind: 'social',
          ops: [
            { type: 'addComment', id: 'c1' },
            { type: 'editComment', id: 'c1' },
          ],
        },
      },
      {
        actorId: amira.userId,
        at: at(3600),
        op: {
          kind: 'vote',
          ops: [
            { nodeId: 'n1', perspective: 'FOR' },
            { nodeId: 'n2', perspective: 'FOR' },
          ],
        },
      },
      // Ben: a redo of a card (not new work), a team note and a round's flow entry; one stretch.
      { actorId: ben.userId, at: at(30), op: graph([createNode('PREMISE')], 'redo') },
      {
        actorId: ben.userId,
        at: at(90),
        op: { kind: 'social', ops: [{ type: 'upsertAnnotation' }] },
      },
      { actorId: ben.userId, at: at(400), op: { kind: 'round', roundId: 'r', ops: [] } },
    ]);
    const activity = await activityOnMap(map.id);
    expect(activity.get(amira.userId)).toEqual({
      claims: 2,
      evidence: 1,
      comments: 1,
      votes: 2,
      // 60 + 60 seconds of gaps, and a minute for each of the two stretches.
      activeSeconds: 240,
    });
    expect(activity.get(ben.userId)).toEqual({
      claims: 0,
      evidence: 0,
      comments: 0,
      votes: 0,
      // One gap of 60 s; the 310 s gap starts a second stretch.
      activeSeconds: 60 + 60 + 60,
    });
    // The teacher's table shows it, and a student with no batches has none.
    const quiet = await addMember(map.id, 'EDITOR');
    const progress = await getClassProgress({ kind: 'user', userId: owner.id }, map.id);
    const row = (id: string) => progress.students.find((s) => s.id === id)!;
    expect(row(amira.userId).activity.votes).toBe(2);
    expect(row(quiet.userId).activity).toEqual({
      claims: 0,
      evidence: 0,
      comments: 0,
      votes: 0,
      activeSeconds: 0,
    });
  });
});
