import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client';
import { db } from '../db';

/** How long a sign-in lasts: the JWT's lifetime, and its Session row's. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

/**
 * Records a new sign-in and returns its id, which the JWT carries
 * (lib/server/auth.ts). The JWT counts only while this row exists and has
 * not expired (`signedInUser`), so a session can be ended on the server:
 * signing out deletes the row, removing the account deletes them all. The
 * user's expired rows are swept here.
 */
export async function startSession(userId: string): Promise<string> {
  const sessionToken = randomBytes(32).toString('base64url');
  const now = new Date();
  await db().$transaction([
    db().session.deleteMany({ where: { userId, expires: { lte: now } } }),
    db().session.create({
      data: {
        sessionToken,
        userId,
        expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      },
    }),
  ]);
  return sessionToken;
}

/** Ends one session (signing out). Ending one that is already gone is harmless. */
export async function endSession(sessionToken: string): Promise<void> {
  await db().session.deleteMany({ where: { sessionToken } });
}

/**
 * The user a JWT names, if its session is still open on the server: one
 * read, which also confirms the account still exists.
 */
export function signedInUser(userId: string, sessionToken: string) {
  return db().user.findFirst({
    where: { id: userId, sessions: { some: { sessionToken, expires: { gt: new Date() } } } },
    select: { id: true, name: true, email: true, avatarColor: true, mustChangePassword: true },
  });
}

/**
 * Ends every session of a user but `keep` (the one that just changed the
 * password, if any): a new password signs every other device out. Takes the
 * transaction that changes the password, so the password and the sessions
 * change together (the one place that ends a user's sessions: a teacher's
 * reset, a reset link and choosing one's own password all use it).
 */
export async function endOtherSessions(
  tx: Prisma.TransactionClient,
  userId: string,
  keep?: string,
): Promise<void> {
  await tx.session.deleteMany({
    where: { userId, ...(keep ? { sessionToken: { not: keep } } : {}) },
  });
}
