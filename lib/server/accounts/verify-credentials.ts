import 'server-only';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { isEmailLogin } from '../../domain/roster';
import { db } from '../db';
import { countSignInAttempt, signInSucceeded } from './rate-limit';

/**
 * One field for either: an email address, or the username of a managed
 * account (printed on a sign-in card). Both are matched lower-cased.
 */
const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(1000),
});

/** A hash of nothing, compared against when the email is unknown so both paths take the same time. */
const DUMMY_HASH = bcrypt.hashSync('counterpoint-dummy-password', 12);

/**
 * The user these credentials belong to, or null. The login is an email or
 * a username. Whether it exists never changes the answer's shape or its
 * timing; too many recent attempts (lib/server/accounts/rate-limit.ts) throw
 * RATE_LIMITED before the password is checked.
 */
export async function verifyCredentials(
  input: unknown,
  address: string | null,
): Promise<{ id: string; name: string | null; email: string | null } | null> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) return null;
  const { email: login, password } = parsed.data;
  await countSignInAttempt(login, address);
  const user = await db().user.findUnique({
    where: isEmailLogin(login) ? { email: login } : { username: login },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  const valid = ok && user !== null && user.passwordHash !== null;
  if (!valid) return null;
  await signInSucceeded(login, address);
  return { id: user.id, name: user.name, email: user.email };
}
