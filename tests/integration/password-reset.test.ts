import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  emailResetAvailable,
  requestPasswordReset,
  resetLinkWorks,
  resetPasswordWithToken,
} from '@/lib/server/accounts/password-reset';
import { signedInUser, startSession } from '@/lib/server/accounts/sessions';
import { signUp } from '@/lib/server/accounts/sign-up';
import { verifyCredentials } from '@/lib/server/accounts/verify-credentials';
import { LIMITS } from '@/lib/server/rate-limits';
import { errorOf } from '../support/apply-ops';
import { freePort } from '../support/free-port';
import { testDb } from '../factories';

type Mail = { to: string[]; raw: string };

/** A real SMTP server in this process; every mail it receives, as sent. */
const received: Mail[] = [];
const waiting: ((mail: Mail) => void)[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const mail = {
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(mail);
      waiting.splice(0).forEach((resolve) => resolve(mail));
      callback();
    });
  },
});

/** The next mail to arrive, or one already here for `to`. */
function mailFor(to: string): Promise<Mail> {
  const here = received.find((m) => m.to.includes(to));
  if (here) return Promise.resolve(here);
  return new Promise((resolve) => {
    const check = (mail: Mail) => (mail.to.includes(to) ? resolve(mail) : waiting.push(check));
    waiting.push(check);
  });
}

/** The body as text: quoted-printable soft breaks and escapes undone. */
const decoded = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const ORIGIN = 'https://debate.school.test';
const tokenIn = (mail: Mail) => {
  const match = new RegExp(`${ORIGIN}/reset-password/([A-Za-z0-9_-]+)`).exec(decoded(mail.raw));
  expect(match, 'the mail holds a reset link on the configured origin').not.toBeNull();
  return match![1]!;
};

const email = () => `reset-${randomUUID()}@example.test`;
const randomAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250)).join('.')}`;
const OLD = 'rivers of the caucasus run';
const NEW = 'a brand new long phrase';

beforeAll(async () => {
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  vi.stubEnv('SMTP_HOST', '127.0.0.1');
  vi.stubEnv('SMTP_PORT', String(port));
  vi.stubEnv('SMTP_FROM', 'Counterpoint <no-reply@school.test>');
  vi.stubEnv('AUTH_URL', ORIGIN);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await testDb().$disconnect();
});

async function account() {
  const address = email();
  const { id } = await signUp({ name: 'Nora', email: address, password: OLD });
  return { id: id!, address };
}

// Several bcrypt (cost 12) hashes a test, on a shared machine: room beyond the default 30 s.
describe('password reset by email', { timeout: 120_000 }, () => {
  it('mails a link that sets a new password once, and ends every session', async () => {
    const { id, address } = await account();
    const laptop = await startSession(id);
    await requestPasswordReset({ email: address }, { address: randomAddress() });
    const mail = await mailFor(address);
    expect(mail.raw).toMatch(/^Subject: Reset your Counterpoint password/m);
    expect(mail.raw).toMatch(/^From: Counterpoint <no-reply@school\.test>/m);
    const token = tokenIn(mail);
    expect(await resetLinkWorks(token)).toBe(true);
    // Only its hash is stored.
    expect(await testDb().passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);

    // A weak password is refused and leaves the link working.
    const weak = await errorOf(
      resetPasswordWithToken(token, { password: 'password123', passwordAgain: 'password123' }),
    );
    expect(weak.code).toBe('VALIDATION_FAILED');
    expect(await resetLinkWorks(token)).toBe(true);

    await resetPasswordWithToken(token, { password: NEW, passwordAgain: NEW });
    expect(await signedInUser(id, laptop)).toBeNull();
    const from = randomAddress();
    expect(await verifyCredentials({ email: address, password: OLD }, from)).toBeNull();
    expect((await verifyCredentials({ email: address, password: NEW }, from))?.id).toBe(id);

    // Used once, then dead.
    expect(await resetLinkWorks(token)).toBe(false);
    const again = await errorOf(
      resetPasswordWithToken(token, {
        password: 'yet another phrase',
        passwordAgain: 'yet another phrase',
      }),
    );
    expect(again.code).toBe('GONE');
    expect((await verifyCredentials({ email: address, password: NEW }, from))?.id).toBe(id);
  });

  it('answers an unknown email exactly as a known one, and mails nothing to it', async () => {
    const unknown = email();
    const { address } = await account();
    const before = received.length;
    expect(await requestPasswordReset({ email: unknown }, { address: randomAddress() })).toBe(
      undefined,
    );
    expect(await requestPasswordReset({ email: address }, { address: randomAddress() })).toBe(
      undefined,
    );
    await mailFor(address);
    expect(received.slice(before).flatMap((m) => m.to)).toEqual([address]);
  });

  it('refuses expired and garbled links', async () => {
    const { address } = await account();
    await requestPasswordReset({ email: address }, { address: randomAddress() });
    const token = tokenIn(await mailFor(address));
    await testDb().passwordResetToken.updateMany({
      where: { user: { email: address } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await resetLinkWorks(token)).toBe(false);
    const expired = await errorOf(
      resetPasswordWithToken(token, { password: NEW, passwordAgain: NEW }),
    );
    expect(expired.code).toBe('GONE');
    expect(expired.message).toBe(
      'This reset link has expired or was already used. Ask for a new one.',
    );
    for (const garbled of ['', 'x', `${token}x`, '../../etc/passwd', token.slice(1)])
      expect(
        (await errorOf(resetPasswordWithToken(garbled, { password: NEW, passwordAgain: NEW })))
          .code,
      ).toBe('GONE');
    expect(
      (await verifyCredentials({ email: address, password: OLD }, randomAddress()))?.email,
    ).toBe(address);
  });

  it(`limits requests for one email to ${LIMITS.passwordResetsPerEmail.points} an hour, whether or not it has an account`, async () => {
    const unknown = email();
    for (let i = 0; i < LIMITS.passwordResetsPerEmail.points; i++)
      await requestPasswordReset({ email: unknown }, { address: randomAddress() });
    const refused = await errorOf(
      requestPasswordReset({ email: unknown }, { address: randomAddress() }),
    );
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.message).toMatch(/^Too many password reset requests\. Try again in/);
  });

  it('says it is not set up when SMTP is not configured', async () => {
    vi.stubEnv('SMTP_HOST', '');
    try {
      expect(emailResetAvailable()).toBe(false);
      const refused = await errorOf(requestPasswordReset({ email: email() }, { address: null }));
      expect(refused.code).toBe('UNAVAILABLE');
      expect(refused.message).toMatch(/not set up on this server\. Ask your teacher/);
    } finally {
      vi.stubEnv('SMTP_HOST', '127.0.0.1');
    }
    expect(emailResetAvailable()).toBe(true);
  });
});
