import 'server-only';
import { z } from 'zod';
import type { Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { newJoinCode } from './join-code';

export const ZCreateClassroomInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the classroom a name')
    .max(120, 'A classroom name is at most 120 characters'),
});

const JOIN_CODE_ATTEMPTS = 5;

/** A new classroom taught by the signed-in user, with a fresh join code. */
export async function createClassroom(
  actor: Actor,
  input: z.infer<typeof ZCreateClassroomInput>,
): Promise<{ id: string }> {
  if (actor.kind !== 'user')
    throw new AppError('UNAUTHENTICATED', 'Sign in to create a classroom.');
  const { managedInClassroomId } = await db().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { managedInClassroomId: true },
  });
  if (managedInClassroomId)
    throw new AppError(
      'FORBIDDEN',
      'A sign-in made by a teacher for their class cannot create classes. Sign up with your own email to teach.',
    );
  // A code collision is astronomically rare (31^8 codes): on one, draw a new
  // code and insert again at once. Nothing to wait for, so no backoff.
  for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
    try {
      return await db().classroom.create({
        data: {
          name: input.name,
          teacherId: actor.userId,
          joinCode: newJoinCode(),
          members: { create: { userId: actor.userId, role: 'TEACHER' } },
        },
        select: { id: true },
      });
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error;
    }
  }
  throw new AppError('CONFLICT', 'Could not find a free join code. Please try again.');
}
