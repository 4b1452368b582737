import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
} from '@/lib/server/accounts/rate-limit';
import { signUp } from '@/lib/server/accounts/sign-up';
import { verifyCredentials } from '@/lib/server/accounts/verify-credentials';
import { AppError } from '@/lib/server/errors';
import { testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const email = () => `someone-${randomUUID()}@example.test`;
const PASSWORD = 'rivers of the caucasus run';

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
    const user = await testDb().user.findUniqueOrThrow({ where: { id } });
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

  it('refuses a second account for the same email with a neutral message', async () => {
    const address = email();
    await signUp({ name: 'First', email: address, password: PASSWORD });
    try {
      await signUp({ name: 'Second', email: address, password: 'another fine passphrase' });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONFLICT' });
      expect((error as Error).message).not.toMatch(/exists|taken|registered/i);
    }
    expect((await testDb().user.findUniqueOrThrow({ where: { email: address } })).name).toBe(
      'First',
    );
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

  it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures, even for the right password, from any address`, async () => {
    const address = email();
    await signUp({ name: 'Nora', email: address, password: PASSWORD });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(
        await verifyCredentials({ email: address, password: `wrong ${i}` }, `10.1.0.${i}`),
      ).toBeNull();
    }
    expect(
      await codeOf(verifyCredentials({ email: address, password: PASSWORD }, '10.2.0.1')),
    ).toBe('RATE_LIMITED');
  });

  it(`blocks an address after ${MAX_FAILURES_PER_ADDRESS} failures across accounts`, async () => {
    const address = email();
    await signUp({ name: 'Nora', email: address, password: PASSWORD });
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    await testDb().authAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ADDRESS }, () => ({
        key: `ip:${ip}`,
        succeeded: false,
      })),
    });
    expect(await codeOf(verifyCredentials({ email: address, password: PASSWORD }, ip))).toBe(
      'RATE_LIMITED',
    );
    expect(
      await verifyCredentials({ email: address, password: PASSWORD }, '10.3.0.1'),
    ).toMatchObject({ email: address });
  });
});
