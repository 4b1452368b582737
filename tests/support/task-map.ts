import { randomUUID } from 'node:crypto';
import type { TOpInput } from '@/lib/domain/ops';
import type { Quota } from '@/lib/domain/tasks/quota';
import type { Side } from '@/lib/domain/types';
import type { Actor } from '@/lib/server/authz';
import { createTask } from '@/lib/server/tasks/save-task';
import { addMember, createMap, createUser, testDb } from '../factories';
import { apply } from './apply-ops';

/** Shared by the integration tests of tasks and progress. */

export type User = Actor & { kind: 'user' };

/** A card made through applyMapOps, answering `toId` (an objection attacks, anything else supports). */
export async function addCard(
  actor: Actor,
  mapId: string,
  kind: 'CLAIM' | 'OBJECTION' | 'EVIDENCE' | 'PREMISE',
  toId: string | null,
  side: Side = 'NEUTRAL',
): Promise<string> {
  const id = randomUUID();
  const ops: TOpInput[] = [
    { type: 'createNode', id, kind, text: `${kind} ${id}`, side, x: 0, y: 0 },
  ];
  if (toId)
    ops.push({
      type: 'createEdge',
      id: randomUUID(),
      fromId: id,
      toId,
      relation: kind === 'OBJECTION' ? 'ATTACKS' : 'SUPPORTS',
    });
  await apply(actor, mapId, ops);
  return id;
}

/** An objection to `toId` with a piece of evidence under it, in two batches. */
export async function objectionWithEvidence(actor: Actor, mapId: string, toId: string) {
  const objection = await addCard(actor, mapId, 'OBJECTION', toId);
  await addCard(actor, mapId, 'EVIDENCE', objection);
  return objection;
}

export const TWO_OBJECTIONS: Quota = {
  count: 2,
  kind: 'OBJECTION',
  withEvidence: true,
  target: 'other-side',
};

/**
 * A teacher's map with a claim for the motion and one against; Amira
 * (editor) on team Red (for), Ben (editor) on team Blue (against), and an
 * outsider.
 */
export async function buildTaskMap() {
  const teacherUser = await createUser({ name: 'Ms Okafor' });
  const teacher: User = { kind: 'user', userId: teacherUser.id };
  const { id: mapId } = await createMap({ ownerId: teacherUser.id });
  const amira = await addMember(mapId, 'EDITOR');
  const ben = await addMember(mapId, 'EDITOR');
  await testDb().user.update({ where: { id: amira.userId }, data: { name: 'Amira' } });
  await testDb().user.update({ where: { id: ben.userId }, data: { name: 'Ben' } });
  const outsider: User = { kind: 'user', userId: (await createUser()).id };
  const red = (
    await testDb().team.create({ data: { mapId, name: 'Red', color: '#b91c1c', side: 'FOR' } })
  ).id;
  const blue = (
    await testDb().team.create({ data: { mapId, name: 'Blue', color: '#1d4ed8', side: 'AGAINST' } })
  ).id;
  await testDb().teamMember.createMany({
    data: [
      { teamId: red, userId: amira.userId },
      { teamId: blue, userId: ben.userId },
    ],
  });
  const forClaim = await addCard(teacher, mapId, 'CLAIM', null, 'FOR');
  const againstClaim = await addCard(teacher, mapId, 'CLAIM', null, 'AGAINST');
  return { mapId, teacher, amira, ben, outsider, red, blue, forClaim, againstClaim };
}

export const setTask = (
  teacher: Actor,
  mapId: string,
  fields: { title?: string; teamId?: string | null; quota?: Quota } = {},
) =>
  createTask(teacher, mapId, {
    title: fields.title ?? 'Attack their case',
    description: '',
    teamId: fields.teamId ?? null,
    dueOn: '2026-12-10',
    quota: fields.quota ?? TWO_OBJECTIONS,
  });
