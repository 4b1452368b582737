import type { Actor } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { joinClassroom } from '@/lib/server/classrooms/join-classroom';
import { removeStudent } from '@/lib/server/classrooms/remove-student';
import { AppError } from '@/lib/server/errors';
import { createMap as createMapUseCase } from '@/lib/server/maps/create-map';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { resolveShareLink, shareLinkActor } from '@/lib/server/share-links/resolve-share-link';
import { revokeShareLink } from '@/lib/server/share-links/revoke-share-link';
import { addMember, createMap, createNode, createUser, testDb } from '../factories';

/** Shared by the integration tests of access control and share links. */

export type Outcome =
  'ok' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'GONE' | 'VALIDATION_FAILED';

/** 'ok', or the code of the AppError the call failed with. */
export async function outcome(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code as Outcome;
    throw error;
  }
}

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});

/** Everyone who might knock on one class map. */
export type World = {
  mapId: string;
  actors: Record<string, Actor>;
  otherMapId: string;
  otherNodeId: string;
  classroomId: string;
};

/**
 * A teacher's class map with its classroom; members of every role, students
 * (one removed), another class and its teacher, share links of every role
 * (one revoked after it was resolved), and another map with a node and a link.
 */
export async function buildWorld(): Promise<World> {
  const teacher = await user();
  const { id: classroomId } = await createClassroom(teacher, { name: 'Period 3' });
  const { joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id: classroomId } });
  const { id: mapId } = await createMapUseCase(teacher, {
    title: 'Class debate',
    motion: 'This house would test',
    template: 'blank',
    classroomId,
  });

  const student = await user();
  await joinClassroom(student, { code: joinCode });
  const removed = await user();
  await joinClassroom(removed, { code: joinCode });
  await removeStudent(teacher, classroomId, removed.userId);

  const otherTeacher = await user();
  const other = await createClassroom(otherTeacher, { name: 'Period 5' });
  const otherStudent = await user();
  await joinClassroom(otherStudent, {
    code: (await testDb().classroom.findUniqueOrThrow({ where: { id: other.id } })).joinCode,
  });

  const link = async (role: 'VIEWER' | 'COMMENTER' | 'EDITOR') =>
    shareLinkActor(
      await resolveShareLink(
        (await createShareLink(teacher, mapId, { role, expiresInDays: 7 })).token,
      ),
    );
  const revoked = await createShareLink(teacher, mapId, { role: 'EDITOR', expiresInDays: 0 });
  const revokedActor = shareLinkActor(await resolveShareLink(revoked.token));
  await revokeShareLink(teacher, mapId, revoked.id);

  const otherMap = await createMap();
  const otherNode = await createNode(otherMap.id);
  return {
    mapId,
    classroomId,
    otherMapId: otherMap.id,
    otherNodeId: otherNode.id,
    actors: {
      owner: teacher,
      editor: await addMember(mapId, 'EDITOR'),
      commenter: await addMember(mapId, 'COMMENTER'),
      viewer: await addMember(mapId, 'VIEWER'),
      student: student,
      'removed student': removed,
      'student of another class': otherStudent,
      'teacher of another class': otherTeacher,
      stranger: await user(),
      anonymous: { kind: 'anonymous' },
      'view link': await link('VIEWER'),
      'comment link': await link('COMMENTER'),
      'edit link': await link('EDITOR'),
      // A link actor whose link was revoked after it was resolved: the role it claims must not outlive it.
      'revoked link (held)': revokedActor,
      'link to another map': shareLinkActor(
        await resolveShareLink(
          (
            await createShareLink({ kind: 'user', userId: otherMap.ownerId }, otherMap.id, {
              role: 'EDITOR',
              expiresInDays: 0,
            })
          ).token,
        ),
      ),
    },
  };
}
