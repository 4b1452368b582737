import 'server-only';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { db } from '../db';
import { countSignInAttempt, signInSucceeded } from './rate-limit';

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1000),
});

/** A hash of nothing, compared against when the email is unknown so both paths take the same time. */
const DUMMY_HASH = bcrypt.hashSync('counterpoint-dummy-password', 12);

/**
 * The user these credentials belong to, or null. Whether the email exists
 * never changes the answer's shape or its timing; too many recent attempts
 * (lib/server/accounts/rate-limit.ts) throw RATE_LIMITED before the
 * password is checked.
 */
export async function verifyCredentials(
  input: unknown,
  address: string | null,
): Promise<{ id: string; name: string | null; email: string } | null> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await countSignInAttempt(email, address);
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  const valid = ok && user !== null && user.passwordHash !== null;
  if (!valid) return null;
  await signInSucceeded(email, address);
  return { id: user.id, name: user.name, email };
}
