import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { currentUser, type SignedInUser } from './actor';
import { AppError } from './errors';

/**
 * A page's data from one use case. A map or classroom the reader may not
 * see (NOT_FOUND), or may see but not use this page of (FORBIDDEN: a student
 * on the teams page), is the not-found page, as for a map that does not
 * exist. Any other failure goes to the error page.
 */
export async function loadOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN'))
      notFound();
    throw error;
  }
}

/** A `next` parameter, if it is a path on this site; else the home page (no open redirect). */
export function safeNextPath(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/\\')
    ? value
    : '/';
}

/** The signed-in user; anyone else is sent to sign in, and then back to `path`. */
export async function signedInOrRedirect(path: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return user;
}
