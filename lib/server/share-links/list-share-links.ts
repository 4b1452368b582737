import 'server-only';
import type { MapRole } from '../../generated/prisma/enums';
import { authorizeMap, type Actor } from '../authz';
import { db } from '../db';

export type ShareLinkRow = {
  id: string;
  /** The owner's name for the link; null for a link made without one. */
  name: string | null;
  role: MapRole;
  createdAt: string;
  expiresAt: string | null;
  status: 'active' | 'expired' | 'revoked';
};

/** A map's share links, newest first, for its owner. Tokens are not stored, so not listed. */
export async function listShareLinks(
  actor: Actor,
  mapId: string,
): Promise<{ mapTitle: string; links: ShareLinkRow[] }> {
  await authorizeMap(actor, 'map:manage', mapId);
  const [map, links] = await Promise.all([
    db().argumentMap.findUniqueOrThrow({ where: { id: mapId }, select: { title: true } }),
    db().shareLink.findMany({ where: { mapId }, orderBy: { createdAt: 'desc' } }),
  ]);
  const now = Date.now();
  return {
    mapTitle: map.title,
    links: links.map((l) => ({
      id: l.id,
      name: l.name,
      role: l.role,
      createdAt: l.createdAt.toISOString(),
      expiresAt: l.expiresAt?.toISOString() ?? null,
      status: l.revokedAt
        ? 'revoked'
        : l.expiresAt && l.expiresAt.getTime() <= now
          ? 'expired'
          : 'active',
    })),
  };
}
