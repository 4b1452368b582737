import 'server-only';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { randomAvatarColour } from '../../domain/people';
import { db } from '../db';
import { AppError } from '../errors';
import { consume } from '../rate-limits';
import { passwordProblem } from './password-policy';

export const ZSignUpInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter your name')
    .max(80, 'Use at most 80 characters for your name'),
  email: z.string().trim().toLowerCase().email('Enter a valid email address').max(254),
  password: z.string(),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

/**
 * Creates an email-and-password account, counted against the sign-up limit
 * of the client's address (`from.address`, when known). An email that
 * already has an account is left as it is and answered as a new one would
 * be (`{ id: null }` tells only the caller): the sign-up form then signs in
 * with what was typed either way, so a taken email is told apart only by a
 * password that does not match it, in the sign-in's own words, under the
 * sign-in limits (docs/SECURITY.md).
 */
export async function signUp(
  input: TSignUpInput,
  from: { address: string | null } = { address: null },
): Promise<{ id: string | null }> {
  await consume([['signUpsPerAddress', from.address]], 'Too many new accounts from here.');
  const problem = passwordProblem(input.password, input.email);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'password' });
  const passwordHash = await bcrypt.hash(input.password, 12);
  try {
    return await db().user.create({
      data: {
        name: input.name,
        email: input.email,
        passwordHash,
        avatarColor: randomAvatarColour(),
      },
      select: { id: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return { id: null };
    throw error;
  }
}
