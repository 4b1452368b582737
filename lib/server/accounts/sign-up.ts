import 'server-only';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { randomAvatarColour } from '../../domain/people';
import { db } from '../db';
import { AppError } from '../errors';
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
 * Creates an email-and-password account. An email that already has an
 * account gets the same neutral refusal as any other unusable email, so the
 * form cannot be used to find out who has an account.
 */
export async function signUp(input: TSignUpInput): Promise<{ id: string }> {
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
    if ((error as { code?: string }).code === 'P2002') {
      throw new AppError(
        'CONFLICT',
        'We could not create an account with these details. If you already have one, sign in instead.',
      );
    }
    throw error;
  }
}
