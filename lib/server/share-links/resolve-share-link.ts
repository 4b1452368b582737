import 'server-only';
import type { MapRole } from '../../generated/prisma/enums';
import type { Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { hashShareToken, SHARE_TOKEN_PATTERN } from './token';

export type ResolvedShareLink = {
  linkId: string;
  mapId: string;
  role: MapRole;
  mapTitle: string;
  mapMotion: string;
};

/**
 * The link a token stands for, if it still admits anyone. Garbled, unknown,
 * revoked and expired tokens all get the same answer, so a guess learns
 * nothing about which links exist.
 */
export async function resolveShareLink(token: string): Promise<ResolvedShareLink> {
  const gone = new AppError(
    'GONE',
    'This link is no longer valid. Ask the person who shared it for a new one.',
  );
  if (!SHARE_TOKEN_PATTERN.test(token)) throw gone;
  const link = await db().shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: {
      id: true,
      mapId: true,
      role: true,
      revokedAt: true,
      expiresAt: true,
      map: { select: { title: true, motion: true } },
    },
  });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt.getTime() <= Date.now()))
    throw gone;
  return {
    linkId: link.id,
    mapId: link.mapId,
    role: link.role,
    mapTitle: link.map.title,
    mapMotion: link.map.motion,
  };
}

/** The actor a valid link makes of a visitor who is not signed in. */
export function shareLinkActor(link: ResolvedShareLink): Actor {
  return { kind: 'share-link', linkId: link.linkId, mapId: link.mapId, role: link.role };
}
