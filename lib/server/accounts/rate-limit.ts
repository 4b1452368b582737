import 'server-only';
import { consume, forget, giveBack } from '../rate-limits';

/**
 * Sign-in attempt limits (numbers and reasons in lib/server/rate-limits.ts):
 * per account and address pair, per address, and a much higher one per
 * account. Every attempt is counted before its password is checked, by one
 * atomic upsert each, so however many arrive at once no more than the limit
 * get a password check; a successful sign-in is then given back, and clears
 * its pair. The pair is counted first and the others only for attempts it
 * let through, so one address cannot use up the account's allowance and
 * lock its owner out.
 */
const keysOf = (email: string, address: string | null) => ({
  // An unknown address (no launcher, no trusted proxy) is one shared "address".
  pair: `${email}|${address ?? 'unknown'}`,
  address,
  account: email,
});

/** Counts a sign-in attempt; RATE_LIMITED (before any password check) when over a limit. */
export async function countSignInAttempt(email: string, address: string | null): Promise<void> {
  const keys = keysOf(email, address);
  await consume(
    [
      ['signInsPerAccountAndAddress', keys.pair],
      ['signInsPerAddress', keys.address],
      ['signInsPerAccount', keys.account],
    ],
    'Too many sign-in attempts.',
  );
}

/** A correct password: its attempt is not one to slow down, and its pair starts afresh. */
export async function signInSucceeded(email: string, address: string | null): Promise<void> {
  const keys = keysOf(email, address);
  await Promise.all([
    forget('signInsPerAccountAndAddress', keys.pair),
    giveBack('signInsPerAddress', keys.address),
    giveBack('signInsPerAccount', keys.account),
  ]);
}
