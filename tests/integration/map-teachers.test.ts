import { afterAll, describe, expect, it } from 'vitest';
import { authorizeMap, mapTeacherIds, teachesMap, type Actor } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { joinClassroom } from '@/lib/server/classrooms/join-classroom';
import { acceptShareLink } from '@/lib/server/share-links/accept-share-link';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { resolveShareLink, shareLinkActor } from '@/lib/server/share-links/resolve-share-link';
import { revokeShareLink } from '@/lib/server/share-links/revoke-share-link';
import { addMember, createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

type User = Actor & { kind: 'user' };
const user = async (): Promise<User> => ({ kind: 'user', userId: (await createUser()).id });

/**
 * "Teaches this map" decides who runs its rounds, sets its tasks and
 * moderation (`teachesMap`, one actor at a time) and who keeps their name on
 * an anonymous map (`mapTeacherIds`, everyone at once): the two answers
 * must be the same people.
 */
describe('who teaches on a map', () => {
  it('is the same people whether asked for one actor or for the whole map', async () => {
    const teacher = await user();
    const coTeacher = await user();
    const owner = await user();
    const student = await user();
    const { id: classroomId } = await createClassroom(teacher, { name: 'Period 4' });
    const { joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id: classroomId } });
    await joinClassroom(student, { code: joinCode });
    await testDb().classroomMember.create({
      data: { classroomId, userId: coTeacher.userId, role: 'TEACHER' },
    });
    // A class map someone other than the class's teacher owns.
    const { id: mapId } = await testDb().argumentMap.create({
      data: {
        title: 'Shared',
        motion: 'This house would agree',
        ownerId: owner.userId,
        classroomId,
      },
    });
    await testDb().mapMember.create({ data: { mapId, userId: owner.userId, role: 'OWNER' } });
    const manager = await addMember(mapId, 'OWNER');
    const editor = await addMember(mapId, 'EDITOR');
    // Link visitors: one signed in (a member through the link), one signed out, one whose link was revoked.
    const link = await createShareLink(owner, mapId, { role: 'EDITOR', expiresInDays: 7 });
    const visitor = await user();
    await acceptShareLink(visitor, link.token);
    const signedOut = shareLinkActor(await resolveShareLink(link.token));
    const gone = await createShareLink(owner, mapId, { role: 'EDITOR', expiresInDays: 0 });
    const former = await user();
    await acceptShareLink(former, gone.token);
    await revokeShareLink(owner, mapId, gone.id);

    const ids = await mapTeacherIds(mapId);
    expect([...ids].sort()).toEqual(
      [teacher.userId, coTeacher.userId, owner.userId, manager.userId].sort(),
    );
    const readers: Actor[] = [teacher, coTeacher, owner, manager, student, editor, visitor];
    for (const actor of [...readers, signedOut]) {
      const access = await authorizeMap(actor, 'map:read', mapId);
      const one = await teachesMap(actor, access);
      expect(one).toBe(actor.kind === 'user' && ids.has(actor.userId));
    }
    // Someone who may not read the map is nobody's teacher either.
    await expect(authorizeMap(former, 'map:read', mapId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(ids.has(former.userId)).toBe(false);
  });
});
