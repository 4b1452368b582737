import 'server-only';
import { cache } from 'react';
import { auth } from './auth';
import type { Actor } from './authz';
import { db } from './db';

export type SignedInUser = { id: string; name: string | null; email: string | null; avatarColor: string };

/**
 * The signed-in user of this request, read from the session and confirmed
 * in the database (a deleted account's old cookie is worth nothing). Once
 * per request.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return db().user.findUnique({ where: { id }, select: { id: true, name: true, email: true, avatarColor: true } });
});

/** Who is making this request, for lib/server/authz. */
export async function currentActor(): Promise<Actor> {
  const user = await currentUser();
  return user ? { kind: 'user', userId: user.id } : { kind: 'anonymous' };
}
