import 'server-only';
import { z } from 'zod';
import { AVATAR_COLOURS } from '../../domain/people';
import type { Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';

export const ZUpdateProfileInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Your name cannot be empty')
    .max(80, 'Use at most 80 characters for your name'),
  avatarColor: z.enum(AVATAR_COLOURS, { message: 'Choose one of the colours' }),
});

/** The signed-in user's display name and avatar colour. */
export async function updateProfile(
  actor: Actor,
  input: z.infer<typeof ZUpdateProfileInput>,
): Promise<void> {
  if (actor.kind !== 'user')
    throw new AppError('UNAUTHENTICATED', 'Sign in to change your profile.');
  await db().user.update({
    where: { id: actor.userId },
    data: { name: input.name, avatarColor: input.avatarColor },
  });
}
