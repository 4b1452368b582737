import 'server-only';
import { accessChanged, authorizeClassroom, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';

/**
 * Removes a student from a classroom: their class membership, and with it
 * their access to the class's maps and their places on its teams. Their
 * past contributions stay on the maps, and their departure is recorded: it
 * makes them a former student, whose work the teacher may still download or
 * erase (privacy/former-students.ts).
 */
export async function removeStudent(
  actor: Actor,
  classroomId: string,
  userId: string,
): Promise<void> {
  const { classroom } = await authorizeClassroom(actor, 'classroom:manage', classroomId);
  if (userId === classroom.teacherId)
    throw new AppError('BAD_REQUEST', 'The teacher cannot be removed from their own classroom.');
  await db().$transaction(async (tx) => {
    const removed = await tx.classroomMember.deleteMany({
      where: { classroomId, userId, role: 'STUDENT' },
    });
    if (removed.count === 0)
      throw new AppError('NOT_FOUND', 'That student is not in this classroom.');
    const maps = { classroomId };
    await tx.teamMember.deleteMany({ where: { userId, team: { map: maps } } });
    await tx.mapMember.deleteMany({ where: { userId, map: maps, role: { not: 'OWNER' } } });
    // Rejoining later does not make them a moderator again.
    await tx.mapModerator.deleteMany({ where: { userId, map: maps } });
    await tx.classroomDeparture.upsert({
      where: { classroomId_userId: { classroomId, userId } },
      create: { classroomId, userId },
      update: { leftAt: new Date() },
    });
  });
  // Their open pages of the class's maps close now, not at the next poll.
  await accessChanged({ classroomId });
}
