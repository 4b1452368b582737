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

/**
 * The signed-in user; anyone else is sent to sign in, and then back to
 * `path`. Someone signed in with a one-time password is sent to choose
 * their own first.
 */
export async function signedInOrRedirect(path: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (user.mustChangePassword) redirect(`/change-password?next=${encodeURIComponent(path)}`);
  return user;
}
