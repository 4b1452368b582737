import 'server-only';
import { z } from 'zod';
import { accessChanged, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { limitRequest } from '../rate-limits';
import { normaliseJoinCode } from './join-code';

export const ZJoinClassroomInput = z.object({
  code: z
    .string()
    .transform(normaliseJoinCode)
    .pipe(
      z
        .string()
        .min(1, 'Type the code your teacher gave you')
        .max(32, 'That is not a classroom code'),
    ),
});

const JOIN_CLOSED_MESSAGE =
  'This class is no longer taking new students with this code. Ask your teacher to reopen joining.';

/**
 * Joins the signed-in user to the classroom with this code, as a student.
 * Joining twice changes nothing; the teacher stays the teacher; a removed
 * student who rejoins is no longer a former one. Every attempt counts
 * against the join-code limits of the user and of the client's address
 * (`from.address`, when known), so codes cannot be guessed.
 * After the class's join deadline (`joinClosesAt`) nobody new gets in
 * (GONE, 410) until the teacher reopens joining.
 */
export async function joinClassroom(
  actor: Actor,
  input: z.infer<typeof ZJoinClassroomInput>,
  from: { address: string | null } = { address: null },
): Promise<{ id: string; name: string }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to join a classroom.');
  await limitRequest('joinAttempts', actor, from.address);
  const classroom = await db().classroom.findUnique({
    where: { joinCode: input.code },
    select: { id: true, name: true, joinClosesAt: true },
  });
  if (!classroom)
    throw new AppError(
      'NOT_FOUND',
      'No classroom has that code. Check it with your teacher and try again.',
    );
  // A sign-in a teacher made for their class is that class's alone: another
  // teacher's class would otherwise fall under the first teacher's resets
  // and erasures.
  const { managedInClassroomId } = await db().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { managedInClassroomId: true },
  });
  if (managedInClassroomId && managedInClassroomId !== classroom.id)
    throw new AppError(
      'FORBIDDEN',
      'This sign-in was made for one class only. Ask this class’s teacher for a sign-in of its own.',
    );
  if (classroom.joinClosesAt && classroom.joinClosesAt.getTime() <= Date.now()) {
    const member = await db().classroomMember.findUnique({
      where: { classroomId_userId: { classroomId: classroom.id, userId: actor.userId } },
      select: { id: true },
    });
    // Someone already in the class just goes there; nobody new gets in.
    if (member) return { id: classroom.id, name: classroom.name };
    throw new AppError('GONE', JOIN_CLOSED_MESSAGE);
  }
  const key = { classroomId_userId: { classroomId: classroom.id, userId: actor.userId } };
  await db().$transaction([
    db().classroomMember.upsert({
      where: key,
      create: { classroomId: classroom.id, userId: actor.userId, role: 'STUDENT' },
      update: {},
    }),
    // A former student who rejoins is a student again, no longer a former one.
    db().classroomDeparture.deleteMany({ where: key.classroomId_userId }),
  ]);
  await accessChanged({ classroomId: classroom.id });
  return { id: classroom.id, name: classroom.name };
}
