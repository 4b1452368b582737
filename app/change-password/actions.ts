'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { replaceOneTimePassword, ZNewPasswordInput } from '@/lib/server/accounts/change-password';
import { currentUser } from '@/lib/server/actor';
import { auth } from '@/lib/server/auth';
import { AppError } from '@/lib/server/errors';
import { formAction } from '@/lib/server/form-action';
import { safeNextPath } from '@/lib/util/safe-next-path';

const ZChangeForm = ZNewPasswordInput.extend({ next: z.unknown().transform(safeNextPath) });

/**
 * A student signed in with a one-time password chooses their own, then goes
 * where they were going, or to the class their account was made for.
 */
export const changePasswordAction = formAction(ZChangeForm, async ({ next, ...input }) => {
  const [session, user] = await Promise.all([auth(), currentUser()]);
  if (!user || !session?.sessionId) throw new AppError('UNAUTHENTICATED', 'Sign in again.');
  const { classroomId } = await replaceOneTimePassword(user.id, session.sessionId, input);
  redirect(next !== '/' ? next : classroomId ? `/classrooms/${classroomId}` : '/');
});
