import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { signedInUser } from './accounts/sessions';
import { auth } from './auth';
import type { Actor } from './authz';
import { AppError } from './errors';
import { resolveShareLink, shareLinkActor } from './share-links/resolve-share-link';

/** Sent by a page opened through a view link, so its API calls act with that link's role. */
const SHARE_TOKEN_HEADER = 'x-share-token';

export type SignedInUser = {
  id: string;
  name: string | null;
  email: string | null;
  avatarColor: string;
  /** Signed in with a one-time password: must choose a password before anything else. */
  mustChangePassword: boolean;
};

/**
 * The signed-in user of this request, read from the session and confirmed
 * in the database: the session must still be open there (not signed out,
 * not expired) and the account must exist, so an old cookie is worth
 * nothing. Once per request.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId) return null;
  return signedInUser(id, sessionId);
});

/**
 * Who is making this request, for lib/server/authz: the signed-in user, else
 * the holder of a still-valid share link (by header), else anonymous. A
 * user who must still replace a one-time password acts as no one (pages
 * send them to /change-password first, lib/server/page-loader.ts).
 */
export async function currentActor(): Promise<Actor> {
  const token = (await headers()).get(SHARE_TOKEN_HEADER);
  // A projector screen acts as its view link alone, even in a browser where
  // someone (most often the teacher) is signed in: it must show the class
  // what a viewer sees, never the owner's tallies or every team's notes.
  if (token?.startsWith(PROJECTOR_PREFIX)) return linkActor(token.slice(PROJECTOR_PREFIX.length));
  const user = await currentUser();
  if (user && !user.mustChangePassword) return { kind: 'user', userId: user.id };
  if (user) return { kind: 'anonymous' };
  return token ? linkActor(token) : { kind: 'anonymous' };
}

/** The holder of a share link's token, or anonymous when the link is not valid (any more). */
async function linkActor(token: string): Promise<Actor> {
  try {
    return shareLinkActor(await resolveShareLink(token));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { kind: 'anonymous' };
  }
}

/** Before a view link's token, as a projector page sends it (`x-share-token`): the link alone acts. */
const PROJECTOR_PREFIX = 'projector.';

/** The token a projector page sends with every request, so that it acts as its link whoever is signed in. */
export const projectorToken = (token: string) => `${PROJECTOR_PREFIX}${token}`;
