import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { auth } from './auth';
import type { Actor } from './authz';
import { db } from './db';
import { AppError } from './errors';
import { resolveShareLink, shareLinkActor } from './share-links/resolve-share-link';

/** Sent by a page opened through a view link, so its API calls act with that link's role. */
const SHARE_TOKEN_HEADER = 'x-share-token';

export type SignedInUser = {
  id: string;
  name: string | null;
  email: string | null;
  avatarColor: string;
};

/**
 * The signed-in user of this request, read from the session and confirmed
 * in the database (a deleted account's old cookie is worth nothing). Once
 * per request.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return db().user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, avatarColor: true },
  });
});

/**
 * Who is making this request, for lib/server/authz: the signed-in user, else
 * the holder of a still-valid share link (by header), else anonymous.
 */
export async function currentActor(): Promise<Actor> {
  const token = (await headers()).get(SHARE_TOKEN_HEADER);
  const user = await currentUser();
  if (user) return { kind: 'user', userId: user.id };
  if (token) {
    try {
      return shareLinkActor(await resolveShareLink(token));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { kind: 'anonymous' };
}
