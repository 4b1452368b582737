import 'server-only';
import { accessChanged, authorizeMap, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';

/** Revokes one of a map's share links (by its owner). Revoking twice is harmless. */
export async function revokeShareLink(actor: Actor, mapId: string, linkId: string): Promise<void> {
  await authorizeMap(actor, 'map:manage', mapId);
  const { count } = await db().shareLink.updateMany({
    where: { id: linkId, mapId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (
    count === 0 &&
    !(await db().shareLink.findFirst({ where: { id: linkId, mapId }, select: { id: true } }))
  ) {
    throw new AppError('NOT_FOUND', 'That link does not exist on this map.');
  }
  // Visitors through the link who have the map open lose it now.
  if (count > 0) await accessChanged({ mapId });
}
