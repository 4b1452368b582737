import 'server-only';
import { z } from 'zod';
import { randomAvatarColour } from '../../domain/people';
import { parseRoster, usernameBase, type SignInCard } from '../../domain/roster';
import { authorizeClassroom, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { hashOneTimePassword, oneTimePassword } from './one-time-password';
import { endOtherSessions } from './sessions';
import { uniqueUsernames } from './usernames';

export const ZRosterInput = z.object({
  /** Names one per line, or CSV with a name column (at most 200 rows: checked by parseRoster). */
  roster: z.string().max(200_000, 'That roster is too long. Add at most 200 students at a time.'),
});

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';

/**
 * Creates a managed account (no email: a username and a one-time password)
 * for every name of the roster and adds each to the classroom as a student,
 * all in one transaction: a roster is added whole or not at all. Teacher
 * only. Returns the sign-in cards, the only time the passwords are seen.
 */
export async function addManagedStudents(
  actor: Actor,
  classroomId: string,
  input: z.infer<typeof ZRosterInput>,
): Promise<SignInCard[]> {
  const { classroom } = await authorizeClassroom(actor, 'classroom:manage', classroomId);
  const parsed = parseRoster(input.roster);
  if ('error' in parsed) throw new AppError('VALIDATION_FAILED', parsed.error, { field: 'roster' });
  const passwords = parsed.names.map(() => oneTimePassword());
  // Hashed before the transaction, so it is not held open meanwhile.
  const hashes = await Promise.all(passwords.map(hashOneTimePassword));
  const create = () =>
    db().$transaction(async (tx) => {
      const usernames = await uniqueUsernames(tx, parsed.names.map(usernameBase));
      const cards: SignInCard[] = [];
      for (const [i, name] of parsed.names.entries()) {
        const user = await tx.user.create({
          data: {
            name,
            username: usernames[i]!,
            passwordHash: hashes[i]!,
            mustChangePassword: true,
            avatarColor: randomAvatarColour(),
            managedById: classroom.teacherId,
            managedInClassroomId: classroom.id,
            classroomMembers: { create: { classroomId: classroom.id, role: 'STUDENT' } },
          },
          select: { id: true },
        });
        cards.push({ userId: user.id, name, username: usernames[i]!, password: passwords[i]! });
      }
      return cards;
    });
  try {
    return await create();
  } catch (error) {
    // Another roster took one of these usernames at the same moment: draw again, once.
    if (isUniqueViolation(error)) return create();
    throw error;
  }
}

/**
 * Gives a managed student of this class a new one-time password (the
 * teacher's "Reset password"): the old one stops working, every session of
 * theirs ends, and they must choose a new password at their next sign-in.
 * Teacher only; only for accounts made for this class.
 */
export async function resetManagedPassword(
  actor: Actor,
  classroomId: string,
  userId: string,
): Promise<SignInCard> {
  await authorizeClassroom(actor, 'classroom:manage', classroomId);
  const student = await db().user.findFirst({
    where: {
      id: userId,
      managedInClassroomId: classroomId,
      classroomMembers: { some: { classroomId, role: 'STUDENT' } },
    },
    select: { id: true, name: true, username: true },
  });
  if (!student?.username)
    throw new AppError(
      'NOT_FOUND',
      'That student does not have an account made by this class. Students with an email reset their own password.',
    );
  const password = oneTimePassword();
  const passwordHash = await hashOneTimePassword(password);
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: student.id },
      data: { passwordHash, mustChangePassword: true },
    });
    await endOtherSessions(tx, student.id);
  });
  return {
    userId: student.id,
    name: student.name ?? student.username,
    username: student.username,
    password,
  };
}
