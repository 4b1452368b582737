import 'server-only';
import { z } from 'zod';
import { authorizeMap, type Actor } from '../authz';
import { db } from '../db';
import { newShareToken, hashShareToken } from './token';

const SHARE_ROLES = ['VIEWER', 'COMMENTER', 'EDITOR'] as const;
const SHARE_EXPIRY_DAYS = [0, 1, 7, 30] as const;
const MAX_SHARE_LINK_NAME = 60;

export const ZCreateShareLinkInput = z.object({
  /** What the owner calls the link, to tell it apart from the map's other links; optional. */
  name: z
    .string()
    .trim()
    .max(MAX_SHARE_LINK_NAME, `A link's name is at most ${MAX_SHARE_LINK_NAME} characters`)
    .optional(),
  role: z.enum(SHARE_ROLES, { message: 'Choose view, comment or edit' }),
  /** 0: never expires. */
  expiresInDays: z.coerce
    .number()
    .int()
    .refine(
      (d) => (SHARE_EXPIRY_DAYS as readonly number[]).includes(d),
      'Choose when the link expires',
    ),
});

/**
 * A new share link for a map, by its owner. Returns the token once: only its
 * hash is stored, so it cannot be shown again.
 */
export async function createShareLink(
  actor: Actor,
  mapId: string,
  input: z.infer<typeof ZCreateShareLinkInput>,
): Promise<{ id: string; token: string }> {
  await authorizeMap(actor, 'map:manage', mapId);
  const token = newShareToken();
  const link = await db().shareLink.create({
    data: {
      mapId,
      role: input.role,
      name: input.name || null,
      tokenHash: hashShareToken(token),
      expiresAt: input.expiresInDays
        ? new Date(Date.now() + input.expiresInDays * 86_400_000)
        : null,
      createdById: actor.kind === 'user' ? actor.userId : null,
    },
    select: { id: true },
  });
  return { id: link.id, token };
}
