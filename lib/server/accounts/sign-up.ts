import 'server-only';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
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

const AVATAR_COLORS = [
  '#0f766e',
  '#1d4ed8',
  '#7c3aed',
  '#be185d',
  '#c2410c',
  '#15803d',
  '#0369a1',
  '#a16207',
];

/**
 * Creates an email-and-password account. An email that already has an
 * account gets the same neutral refusal as any other unusable email, so the
 * form cannot be used to find out who has an account.
 */
export async function signUp(input: TSignUpInput): Promise<{ id: string }> {
  const problem = passwordProblem(input.password, input.email);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'password' });
  const passwordHash = await bcrypt.hash(input.password, 12);
  const avatarColor = AVATAR_COLORS[Math.floor(Math.random() * AVATAR_COLORS.length)]!;
  try {
    return await db().user.create({
      data: { name: input.name, email: input.email, passwordHash, avatarColor },
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
