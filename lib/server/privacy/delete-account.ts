import 'server-only';
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import type { Actor } from '../authz';
import { db } from '../db';
import { LIMITS, storeKey } from '../rate-limits';
import { AppError } from '../errors';
import { eraseContributions, handMapTo } from './erase-contributions';

type Tx = Prisma.TransactionClient;

export const ZDeleteAccountInput = z.object({
  confirmation: z.string().trim().min(1, 'Type your email to confirm').max(320),
});

/** What deleting an account takes with it, or what stands in its way, for the profile page to say first. */
export async function accountDeletionPlan(actor: Actor) {
  const userId = signedIn(actor);
  const [user, classes, maps] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, username: true, name: true },
    }),
    db().classroom.findMany({
      where: { teacherId: userId },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db().argumentMap.findMany({
      where: { ownerId: userId, classroomId: null },
      select: { id: true, title: true },
      orderBy: { title: 'asc' },
    }),
  ]);
  return {
    /** What to type to confirm: the email, or the username (else the name) of an account without one. */
    confirmWith: user.email ?? user.username ?? user.name ?? '',
    /** Classes they teach: deleted (deleteClassroom) before the account can go. */
    classes,
    /** Their own maps (not a class's): deleted with the account. */
    maps,
  };
}

function signedIn(actor: Actor): string {
  if (actor.kind !== 'user')
    throw new AppError('UNAUTHENTICATED', 'Sign in to delete your account.');
  return actor.userId;
}

/**
 * Deletes the signed-in user's account after they typed their email (or,
 * without one, their name) to confirm. A teacher first hands over or
 * deletes their classes: a class's maps hold the whole class's work, so
 * they are never deleted as a side effect. Their own maps go with them; a
 * map they own in someone else's class passes to its teacher. Everything
 * else they wrote is erased or unattributed (eraseContributions), then the
 * User row goes, and with it, by foreign key, their sessions (signed out
 * everywhere), sign-in accounts, memberships and anything a later table
 * ties to them.
 */
export async function deleteAccount(
  actor: Actor,
  input: z.infer<typeof ZDeleteAccountInput>,
): Promise<void> {
  const userId = signedIn(actor);
  const plan = await accountDeletionPlan(actor);
  if (input.confirmation.toLowerCase() !== plan.confirmWith.trim().toLowerCase())
    throw new AppError(
      'VALIDATION_FAILED',
      'That is not what you sign in with. Type your email (or username) exactly as you sign in with it to confirm.',
      { field: 'confirmation' },
    );
  if (plan.classes.length > 0)
    throw new AppError(
      'CONFLICT',
      `You still teach ${plan.classes.map((c) => `“${c.name}”`).join(', ')}. Delete each class (at the foot of its page) before you delete your account: its maps hold your students’ work.`,
    );
  await db().$transaction((tx) => removeAccount(tx, userId), { timeout: 60_000 });
}

/**
 * Takes one account out of the database, inside the caller's transaction:
 * maps it owns in a class pass to that class's teacher, its own maps go,
 * everything else it wrote is erased or unattributed (eraseContributions),
 * then the User row, and with it by foreign key its sessions, sign-in
 * accounts, memberships and anything a later table ties to it. Refused for
 * an account that teaches a class.
 */
export async function removeAccount(tx: Tx, userId: string): Promise<void> {
  // Deleting a teacher would take their classes (and the students' work) with them.
  if (await tx.classroom.count({ where: { teacherId: userId } }))
    throw new AppError(
      'CONFLICT',
      'That account teaches a class: delete the class (at the foot of its page) first.',
    );
  const { email, username } = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, username: true },
  });
  const classMaps = await tx.argumentMap.findMany({
    where: { ownerId: userId, classroomId: { not: null } },
    select: { id: true, classroom: { select: { teacherId: true } } },
  });
  for (const map of classMaps) await handMapTo(tx, map.id, map.classroom!.teacherId);
  await tx.argumentMap.deleteMany({ where: { ownerId: userId, classroomId: null } });
  await eraseContributions(tx, userId, 'everywhere');
  // Counters keyed by who they are (their id, email or username), not by a
  // foreign key: exactly theirs, never another's that merely contains it.
  const who = [userId, email, username].flatMap((w) => (w ? [w.toLowerCase(), w] : []));
  const names = Object.keys(LIMITS);
  await tx.$executeRawUnsafe(
    `DELETE FROM "RateLimit" WHERE "key" = ANY($1::text[]) OR "key" LIKE ANY($2::text[])`,
    names.flatMap((name) => who.map((w) => `${name}:${storeKey(w)}`)),
    names.flatMap((name) => who.map((w) => `${name}:${w.replace(/[\\%_]/g, '\\$&')}|%`)),
  );
  if (email) await tx.verificationToken.deleteMany({ where: { identifier: email } });
  await tx.user.delete({ where: { id: userId } });
}
