import { randomUUID } from 'node:crypto';
import type { TSocialOpInput } from '@/lib/domain/social';
import type { Actor } from '@/lib/server/authz';
import { AppError } from '@/lib/server/errors';
import { applySocialOps, ZApplySocialOpsInput } from '@/lib/server/social/apply-social-ops';
import { addMember, createMap, createNode, createUser, testDb } from '../factories';

/** Shared by the integration tests of comments and team layers. */

export type User = Actor & { kind: 'user' };

/** One batch of comment and note ops, sent as the route sends it. */
export const sendSocial = (
  actor: Actor,
  mapId: string,
  ops: TSocialOpInput[],
  intent: 'do' | 'undo' | 'redo' = 'do',
) =>
  applySocialOps(
    actor,
    mapId,
    ZApplySocialOpsInput.parse({ ops, idempotencyKey: randomUUID(), intent }),
  );

/** A team note on a node. */
export const nodeNote = (
  nodeId: string,
  teamId: string,
  body: string,
  id: string = randomUUID(),
): TSocialOpInput => ({
  type: 'upsertAnnotation',
  id,
  teamId,
  target: { kind: 'NODE', nodeId },
  kind: 'NOTE',
  body,
});

/** 'ok', or the code of the AppError the call failed with. */
export async function code(promise: Promise<unknown>) {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

export const allText = (value: unknown) => JSON.stringify(value);

/**
 * A map with one claim, its owner, Amira (editor, team Red), Ben (commenter,
 * team Blue) and a viewer on no team. Batch 1 of its log is Red's secret
 * note, batch 2 Blue's.
 */
export async function buildTeamMap() {
  const ownerUser = await createUser();
  const owner: User = { kind: 'user', userId: ownerUser.id };
  const { id: mapId } = await createMap({ ownerId: ownerUser.id });
  const nodeId = (await createNode(mapId, { text: 'Russia failed Armenia' })).id;
  const amira = await addMember(mapId, 'EDITOR');
  const ben = await addMember(mapId, 'COMMENTER');
  const viewer = await addMember(mapId, 'VIEWER');
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
  await sendSocial(amira, mapId, [
    nodeNote(nodeId, red, 'Red secret: attack their Article 4 reading'),
  ]);
  await sendSocial(ben, mapId, [nodeNote(nodeId, blue, 'Blue secret: concede the arms sales')]);
  return { mapId, nodeId, owner, amira, ben, viewer, red, blue };
}
