import 'server-only';
import { accessChanged, authorizeClassroom, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { removeAccount } from './delete-account';
import { eraseContributions } from './erase-contributions';
import { formerStudentsOf } from './former-students';

/**
 * A student of a class the actor teaches, or a former one (removed by its
 * teacher and not back: `formerStudentsOf`), and the class's maps: what a
 * teacher's export and erasure cover. Nobody else who worked on the maps
 * (a link guest, a map's member) is reached this way.
 */
export async function studentOfClass(actor: Actor, classroomId: string, userId: string) {
  const { classroom } = await authorizeClassroom(actor, 'classroom:manage', classroomId);
  const notHere = new AppError('NOT_FOUND', 'That student is not in this classroom.');
  if (userId === classroom.teacherId) throw notHere;
  const member = await db().classroomMember.findUnique({
    where: { classroomId_userId: { classroomId, userId } },
    select: { role: true, joinedAt: true },
  });
  if (member ? member.role !== 'STUDENT' : (await formerStudentsOf(classroom, userId)).length === 0)
    throw notHere;
  const [student, maps] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, name: true, email: true },
    }),
    db().argumentMap.findMany({ where: { classroomId }, select: { id: true, title: true } }),
  ]);
  return { classroom, student, joinedAt: member?.joinedAt ?? null, maps };
}

/**
 * The teacher erases one student's work in their class (by the rule of
 * eraseContributions, on the class's maps only) and removes them from the
 * class. Their account and what they did elsewhere are theirs: they stay,
 * unless the account is one the teacher made for this class (a managed
 * account, which exists only for it): then the whole account goes.
 */
export async function deleteStudentData(
  actor: Actor,
  classroomId: string,
  userId: string,
): Promise<void> {
  const { maps } = await studentOfClass(actor, classroomId, userId);
  const { managedInClassroomId } = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { managedInClassroomId: true },
  });
  await db().$transaction(
    (tx) =>
      managedInClassroomId === classroomId
        ? removeAccount(tx, userId)
        : eraseContributions(tx, userId, { mapIds: maps.map((m) => m.id), classroomId }),
    { timeout: 60_000 },
  );
  // Their open pages of the class's maps close now.
  await accessChanged({ classroomId });
}
