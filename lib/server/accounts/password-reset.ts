import 'server-only';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { displayName } from '../../domain/people';
import { db } from '../db';
import { AppError } from '../errors';
import { consume } from '../rate-limits';
import { hashShareToken, newShareToken, SHARE_TOKEN_PATTERN } from '../share-links/token';
import { checkNewPassword, type ZNewPasswordInput } from './change-password';
import { mailSettings, sendMail } from './mailer';
import { endOtherSessions } from './sessions';

/** How long a reset link works. */
const RESET_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export const ZForgotPasswordInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address').max(254),
});

const NOT_SET_UP =
  'Password reset by email is not set up on this server. Ask your teacher to reset your password.';

/** Whether this server can send reset mail (the forgot-password page says so when not). */
export function emailResetAvailable(): boolean {
  return mailSettings() !== null;
}

/**
 * "Forgot password": when an account has this email, mails it a link to
 * /reset-password/TOKEN that works once, for an hour. The answer is the
 * same whether or not the email has an account, and so is its timing: the
 * mail is sent after the answer. Limited per address and per email. Managed
 * accounts have no email, so their teacher resets them instead.
 */
export async function requestPasswordReset(
  input: z.infer<typeof ZForgotPasswordInput>,
  from: { address: string | null },
): Promise<void> {
  const settings = mailSettings();
  if (!settings) throw new AppError('UNAVAILABLE', NOT_SET_UP);
  await consume(
    [
      ['passwordResetsPerAddress', from.address],
      ['passwordResetsPerEmail', input.email],
    ],
    'Too many password reset requests.',
  );
  const user = await db().user.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, email: true },
  });
  if (!user?.email) return;
  const token = newShareToken();
  await db().passwordResetToken.create({
    data: {
      userId: user.id,
      tokenHash: hashShareToken(token),
      expiresAt: new Date(Date.now() + RESET_TOKEN_LIFETIME_MS),
    },
  });
  const link = `${settings.origin}/reset-password/${token}`;
  void sendMail(settings, {
    to: user.email,
    subject: 'Reset your Counterpoint password',
    text: [
      `Hello ${displayName(user)},`,
      '',
      'Someone (we hope you) asked to reset the password of your Counterpoint account.',
      'Open this link within an hour to choose a new one:',
      '',
      link,
      '',
      'If you did not ask, ignore this mail: your password stays as it is.',
    ].join('\n'),
  }).catch((error: unknown) => console.error('Sending a password-reset mail failed.', error));
}

/** The unused, unexpired reset token with this value, if any. */
function liveToken(token: string) {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  return db().passwordResetToken.findFirst({
    where: { tokenHash: hashShareToken(token), usedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, userId: true, user: { select: { email: true, username: true } } },
  });
}

const DEAD_LINK = 'This reset link has expired or was already used. Ask for a new one.';

/** Whether a reset link still works, for its page. */
export async function resetLinkWorks(token: string): Promise<boolean> {
  return (await liveToken(token)) !== null;
}

/**
 * Sets a new password with a reset link's token. The token is used up in
 * the same transaction (two tabs cannot both use it), the user's other
 * reset links die with it, and every session of theirs ends.
 */
export async function resetPasswordWithToken(
  token: string,
  input: z.infer<typeof ZNewPasswordInput>,
): Promise<void> {
  const found = await liveToken(token);
  if (!found) throw new AppError('GONE', DEAD_LINK);
  checkNewPassword(input, found.user);
  const passwordHash = await bcrypt.hash(input.password, 12);
  await db().$transaction(async (tx) => {
    const used = await tx.passwordResetToken.updateMany({
      where: { id: found.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (used.count === 0) throw new AppError('GONE', DEAD_LINK);
    await tx.passwordResetToken.updateMany({
      where: { userId: found.userId, usedAt: null },
      data: { usedAt: new Date() },
    });
    await tx.user.update({
      where: { id: found.userId },
      data: { passwordHash, mustChangePassword: false },
    });
    await endOtherSessions(tx, found.userId);
  });
}
