import 'server-only';
import { db } from '../db';
import { AppError } from '../errors';

/**
 * Sign-in attempt limits, kept in the database so every app instance shares
 * them: failures per account and per client address in a sliding window.
 */
const WINDOW_MS = 15 * 60 * 1000;
/** @internal Exported for the tests that reach the limits. */
export const MAX_FAILURES_PER_ACCOUNT = 8;
/** @internal Exported for the tests that reach the limits. */
export const MAX_FAILURES_PER_ADDRESS = 40;

const keysOf = (email: string, address: string | null) => ({
  account: `email:${email}`,
  address: address ? `ip:${address}` : null,
});

/** Throws RATE_LIMITED when this account or address has failed too often recently. */
export async function checkSignInAllowed(email: string, address: string | null): Promise<void> {
  const since = new Date(Date.now() - WINDOW_MS);
  const keys = keysOf(email, address);
  const [accountFailures, addressFailures] = await Promise.all([
    db().authAttempt.count({
      where: { key: keys.account, succeeded: false, createdAt: { gte: since } },
    }),
    keys.address
      ? db().authAttempt.count({
          where: { key: keys.address, succeeded: false, createdAt: { gte: since } },
        })
      : 0,
  ]);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || addressFailures >= MAX_FAILURES_PER_ADDRESS) {
    throw new AppError('RATE_LIMITED', 'Too many sign-in attempts. Wait 15 minutes and try again.');
  }
}

export async function recordSignIn(
  email: string,
  address: string | null,
  succeeded: boolean,
): Promise<void> {
  const keys = keysOf(email, address);
  await db().authAttempt.createMany({
    data: [keys.account, keys.address]
      .filter((k): k is string => k !== null)
      .map((key) => ({ key, succeeded })),
  });
  // Old attempts are no longer evidence of anything.
  if (Math.random() < 0.01)
    await db().authAttempt.deleteMany({
      where: { createdAt: { lt: new Date(Date.now() - 24 * 3600 * 1000) } },
    });
}
