import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { signUp } from '@/lib/server/accounts/sign-up';
import { verifyCredentials } from '@/lib/server/accounts/verify-credentials';
import { AppError } from '@/lib/server/errors';
import { LIMITS, limiterOf, storeKey } from '@/lib/server/rate-limits';
import { errorOf } from '../support/apply-ops';
import { testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const email = () => `someone-${randomUUID()}@example.test`;
const PASSWORD = 'rivers of the caucasus run';
/** An address no other test uses (test files share the database and its counts). */
const randomAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250)).join('.')}`;

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('signing up', () => {
  it('stores a bcrypt hash, never the password, under the lower-cased email', async () => {
    const address = email();
    const { id } = await signUp({ name: 'Nora', email: address.toLowerCase(), password: PASSWORD });
    const user = await testDb().user.findUniqueOrThrow({ where: { id: id! } });
    expect(user.email).toBe(address.toLowerCase());
    expect(user.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await bcrypt.compare(PASSWORD, user.passwordHash!)).toBe(true);
  });

  it('refuses a weak password and stores nothing', async () => {
    const address = email();
    expect(await codeOf(signUp({ name: 'Nora', email: address, password: 'password123' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await testDb().user.count({ where: { email: address } })).toBe(0);
  });

  it('leaves an account whose email is signed up again as it was, and answers as for a new email', async () => {
    const address = email();
    await signUp({ name: 'First', email: address, password: PASSWORD });
    // No refusal that says "taken": the form signs in with what was typed either way.
    expect(
      await signUp({ name: 'Second', email: address, password: 'another fine passphrase' }),
    ).toEqual({ id: null });
    const user = await testDb().user.findUniqueOrThrow({ where: { email: address } });
    expect(user.name).toBe('First');
    expect(await bcrypt.compare(PASSWORD, user.passwordHash!)).toBe(true);
  });

  it(`limits sign-ups from one address to ${LIMITS.signUpsPerAddress.points} an hour`, async () => {
    const ip = randomAddress();
    const attempt = (from: string) =>
      signUp({ name: 'Nora', email: email(), password: 'short' }, { address: from });
    for (let i = 0; i < LIMITS.signUpsPerAddress.points; i++)
      expect(await codeOf(attempt(ip))).toBe('VALIDATION_FAILED');
    const refused = await errorOf(attempt(ip));
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.message).toMatch(
      /^Too many new accounts from here\. Try again in \d+ minutes?\.$/,
    );
    expect((refused.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not affected.
    expect(await codeOf(attempt(randomAddress()))).toBe('VALIDATION_FAILED');
  });
});

describe('signing in with a password', () => {
  it('answers the user for the right password, and null for a wrong one or an unknown email', async () => {
    const address = email();
    const { id } = await signUp({ name: 'Nora', email: address, password: PASSWORD });
    expect(
      await verifyCredentials({ email: address.toUpperCase(), password: PASSWORD }, '10.0.0.1'),
    ).toMatchObject({ id, email: address });
    expect(
      await verifyCredentials({ email: address, password: 'not the password' }, '10.0.0.1'),
    ).toBeNull();
    expect(await verifyCredentials({ email: email(), password: PASSWORD }, '10.0.0.1')).toBeNull();
    expect(
      await verifyCredentials({ email: 'not an email', password: PASSWORD }, '10.0.0.1'),
    ).toBeNull();
  });

  it('slows an address that guesses one account, without locking the owner out elsewhere', async () => {
    const address = email();
    await signUp({ name: 'Nora', email: address, password: PASSWORD });
    const guesser = randomAddress();
    for (let i = 0; i < LIMITS.signInsPerAccountAndAddress.points; i++)
      expect(
        await verifyCredentials({ email: address, password: `wrong ${i}` }, guesser),
      ).toBeNull();
    // The guesser is refused even the right password, before it is checked...
    expect(await codeOf(verifyCredentials({ email: address, password: PASSWORD }, guesser))).toBe(
      'RATE_LIMITED',
    );
    // ...and the owner, from their own address, signs in.
    expect(
      await verifyCredentials({ email: address, password: PASSWORD }, randomAddress()),
    ).toMatchObject({ email: address });
  });

  it('starts the account and address pair afresh after a correct password', async () => {
    const address = email();
    await signUp({ name: 'Nora', email: address, password: PASSWORD });
    const from = randomAddress();
    const limit = LIMITS.signInsPerAccountAndAddress.points;
    for (let i = 0; i < limit - 1; i++)
      await verifyCredentials({ email: address, password: `typo ${i}` }, from);
    expect(await verifyCredentials({ email: address, password: PASSWORD }, from)).not.toBeNull();
    for (let i = 0; i < limit - 1; i++)
      expect(await verifyCredentials({ email: address, password: `typo ${i}` }, from)).toBeNull();
  });

  it(`lets at most ${LIMITS.signInsPerAccountAndAddress.points} of 40 simultaneous wrong attempts have their password checked`, async () => {
    const address = email();
    await signUp({ name: 'Nora', email: address, password: PASSWORD });
    const from = randomAddress();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        verifyCredentials({ email: address, password: `guess ${i}` }, from),
      ),
    );
    // A fulfilled null is a password that was checked and did not match.
    const checked = outcomes.filter((o) => o.status === 'fulfilled').length;
    const refused = outcomes.filter(
      (o) => o.status === 'rejected' && (o.reason as AppError).code === 'RATE_LIMITED',
    ).length;
    expect({ checked, refused }).toEqual({
      checked: LIMITS.signInsPerAccountAndAddress.points,
      refused: 40 - LIMITS.signInsPerAccountAndAddress.points,
    });
  });

  it(`refuses an account tried ${LIMITS.signInsPerAccount.points} times in the window, from any address`, async () => {
    const address = email();
    await signUp({ name: 'Nora', email: address, password: PASSWORD });
    await limiterOf('signInsPerAccount').penalty(
      storeKey(address),
      LIMITS.signInsPerAccount.points - 1,
    );
    expect(
      await verifyCredentials({ email: address, password: 'one more guess' }, randomAddress()),
    ).toBeNull();
    expect(
      await codeOf(verifyCredentials({ email: address, password: PASSWORD }, randomAddress())),
    ).toBe('RATE_LIMITED');
  });

  it(`refuses an address after ${LIMITS.signInsPerAddress.points} attempts across accounts`, async () => {
    const address = email();
    await signUp({ name: 'Nora', email: address, password: PASSWORD });
    const ip = randomAddress();
    await limiterOf('signInsPerAddress').penalty(ip, LIMITS.signInsPerAddress.points);
    expect(await codeOf(verifyCredentials({ email: address, password: PASSWORD }, ip))).toBe(
      'RATE_LIMITED',
    );
    expect(
      await verifyCredentials({ email: address, password: PASSWORD }, randomAddress()),
    ).toMatchObject({ email: address });
  });
});
