import 'server-only';
import { accessChanged, higherRole, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { resolveShareLink } from './resolve-share-link';

/**
 * A signed-in user follows a share link: they become a member of the map
 * with the link's role (a higher role they already hold is kept). Returns
 * the map to open.
 */
export async function acceptShareLink(actor: Actor, token: string): Promise<{ mapId: string }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to use this link.');
  const link = await resolveShareLink(token);
  const map = await db().argumentMap.findUniqueOrThrow({
    where: { id: link.mapId },
    select: { ownerId: true },
  });
  if (map.ownerId === actor.userId) return { mapId: link.mapId };
  const existing = await db().mapMember.findUnique({
    where: { mapId_userId: { mapId: link.mapId, userId: actor.userId } },
    select: { role: true },
  });
  const role = higherRole(existing?.role ?? null, link.role)!;
  if (role !== existing?.role) {
    await db().mapMember.upsert({
      where: { mapId_userId: { mapId: link.mapId, userId: actor.userId } },
      create: { mapId: link.mapId, userId: actor.userId, role },
      update: { role },
    });
    await accessChanged({ mapId: link.mapId });
  }
  return { mapId: link.mapId };
}
