import 'server-only';
import type { MapRole } from '../generated/prisma/enums';
import { db } from './db';
import { AppError } from './errors';

/**
 * The one place that decides who may do what. Every route, server action and
 * stream asks `authorizeMap` (or `can` with a loaded resource) before it
 * reads or writes a map's objects; nothing is queried by id without it.
 */

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string }
  | { kind: 'share-link'; linkId: string; mapId: string; role: MapRole };

export type MapAction = 'map:read' | 'map:comment' | 'map:edit' | 'map:manage';

/** What `can` needs to know about a map and the actor's standing on it. */
export type MapAccess = {
  map: { id: string; isPublic: boolean; ownerId: string };
  /** The actor's role on this map (membership or link), or null. */
  role: MapRole | null;
};

const RANK: Record<MapRole, number> = { VIEWER: 1, COMMENTER: 2, EDITOR: 3, OWNER: 4 };
const NEEDS: Record<MapAction, number> = { 'map:read': 1, 'map:comment': 2, 'map:edit': 3, 'map:manage': 4 };

/** Pure decision: may this role (on this map) do this action? */
export function can(access: MapAccess, action: MapAction): boolean {
  if (action === 'map:read' && access.map.isPublic) return true;
  return access.role !== null && RANK[access.role] >= NEEDS[action];
}

async function roleOn(actor: Actor, map: { id: string; ownerId: string }): Promise<MapRole | null> {
  switch (actor.kind) {
    case 'anonymous':
      return null;
    case 'share-link':
      return actor.mapId === map.id ? actor.role : null;
    case 'user': {
      if (map.ownerId === actor.userId) return 'OWNER';
      const member = await db().mapMember.findUnique({
        where: { mapId_userId: { mapId: map.id, userId: actor.userId } },
        select: { role: true },
      });
      return member?.role ?? null;
    }
  }
}

/**
 * Loads the map's access facts and checks `action`. A map the actor may not
 * read is reported NOT_FOUND, so its existence does not leak; a readable map
 * the actor may not change is FORBIDDEN.
 */
export async function authorizeMap(actor: Actor, action: MapAction, mapId: string): Promise<MapAccess> {
  const map = await db().argumentMap.findUnique({ where: { id: mapId }, select: { id: true, isPublic: true, ownerId: true } });
  if (!map) throw new AppError('NOT_FOUND', 'This map does not exist, or you do not have access to it.');
  const access: MapAccess = { map, role: await roleOn(actor, map) };
  if (!can(access, 'map:read')) throw new AppError('NOT_FOUND', 'This map does not exist, or you do not have access to it.');
  if (!can(access, action)) throw new AppError('FORBIDDEN', 'You do not have permission to do that on this map.');
  return access;
}
