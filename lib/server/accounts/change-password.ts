import 'server-only';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { db } from '../db';
import { AppError } from '../errors';
import { passwordProblem } from './password-policy';
import { endOtherSessions } from './sessions';

export const ZNewPasswordInput = z.object({
  password: z.string().max(1000),
  /** Named so form-action never sends it back (it treats /password/ fields as secret). */
  passwordAgain: z.string().max(1000),
});

/** The password checks both ways of setting a new one share: the policy, and the two fields agreeing. */
export function checkNewPassword(
  input: z.infer<typeof ZNewPasswordInput>,
  account: { email: string | null; username: string | null },
): void {
  const problem = passwordProblem(input.password, account.email ?? account.username ?? undefined);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'password' });
  if (input.password !== input.passwordAgain)
    throw new AppError('VALIDATION_FAILED', 'The two passwords are not the same.', {
      field: 'passwordAgain',
    });
}

/**
 * A student signed in with a one-time password (from a sign-in card)
 * chooses their own: it replaces the one-time one, and every other session
 * of theirs ends; this one goes on. Returns the class the account was made
 * for, where they go next.
 */
export async function replaceOneTimePassword(
  userId: string,
  sessionToken: string,
  input: z.infer<typeof ZNewPasswordInput>,
): Promise<{ classroomId: string | null }> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { email: true, username: true, mustChangePassword: true, managedInClassroomId: true },
  });
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in again.');
  if (!user.mustChangePassword)
    throw new AppError('BAD_REQUEST', 'Your password has already been changed.');
  checkNewPassword(input, user);
  const passwordHash = await bcrypt.hash(input.password, 12);
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: false },
    });
    await endOtherSessions(tx, userId, sessionToken);
  });
  return { classroomId: user.managedInClassroomId };
}
