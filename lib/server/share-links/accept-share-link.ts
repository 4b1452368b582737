import 'server-only';
import { accessChanged, higherRole, membershipRole, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { resolveShareLink } from './resolve-share-link';

/**
 * A signed-in user follows a share link: they become a member of the map
 * with the link's role, for as long as the link stays valid (authz.ts). A
 * role they already hold that is as high is kept as it is. A lower one is
 * raised, and the membership then depends on this link: once it is revoked
 * or expires, they keep only the role the owner gave them directly. Returns
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
  const key = { mapId_userId: { mapId: link.mapId, userId: actor.userId } };
  const existing = await db().mapMember.findUnique({
    where: key,
    select: {
      role: true,
      directRole: true,
      viaShareLinkId: true,
      viaShareLink: { select: { revokedAt: true, expiresAt: true } },
    },
  });
  const current = existing
    ? membershipRole({
        role: existing.role,
        directRole: existing.directRole,
        link: existing.viaShareLink,
      })
    : null;
  if (higherRole(current, link.role) === current) return { mapId: link.mapId };
  // What they keep once this link ends: a role the owner gave them directly.
  const directRole = existing
    ? existing.viaShareLinkId === null
      ? existing.role
      : existing.directRole
    : null;
  const through = { role: link.role, viaShareLinkId: link.linkId, directRole };
  await db().mapMember.upsert({
    where: key,
    create: { mapId: link.mapId, userId: actor.userId, ...through },
    update: through,
  });
  await accessChanged({ mapId: link.mapId });
  return { mapId: link.mapId };
}
