import 'server-only';
import { z } from 'zod';
import { displayName } from '../../domain/people';
import type { MapRole } from '../../generated/prisma/enums';
import { accessChanged, authorizeMap, linkIsLive, membershipRole, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { ZRecordId } from '../http';

/** The roles an owner may give a member by hand (a map has one owner). */
export const MEMBER_ROLES = ['VIEWER', 'COMMENTER', 'EDITOR'] as const;

export const ZSetMemberRoleInput = z.object({
  userId: ZRecordId,
  role: z.enum(MEMBER_ROLES, { message: 'Choose view, comment or edit' }),
});

/** How a member came to be on the map. */
type MemberOrigin =
  | { kind: 'owner' }
  /** Given by the owner (by hand, or before links were recorded). */
  | { kind: 'direct' }
  | {
      kind: 'link';
      /** The link's name, or null for a link made without one. */
      name: string | null;
      linkRole: MapRole;
      createdAt: string;
      status: 'active' | 'expired' | 'revoked';
      /** The role the owner gave them directly, kept after the link ends. */
      directRole: MapRole | null;
    };

export type MapMemberRow = {
  userId: string;
  name: string;
  email: string | null;
  /** The role they have now; null when it came from a link that has ended. */
  role: MapRole | null;
  origin: MemberOrigin;
};

const notMember = () => new AppError('NOT_FOUND', 'That person is not a member of this map.');
const ownerStays = () =>
  new AppError(
    'BAD_REQUEST',
    'The owner’s role cannot be changed, and the owner cannot be removed.',
  );

/**
 * Everyone with a membership of the map, for its owner: the owner first,
 * then by name, each with the role they have now and how they joined; and
 * the map's class, whose students edit it through the class (managed on the
 * class's page).
 */
export async function listMapMembers(
  actor: Actor,
  mapId: string,
): Promise<{ members: MapMemberRow[]; classroom: { id: string; name: string } | null }> {
  const { map } = await authorizeMap(actor, 'map:manage', mapId);
  const [owner, members, classroom] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id: map.ownerId },
      select: { id: true, name: true, email: true },
    }),
    db().mapMember.findMany({
      where: { mapId, userId: { not: map.ownerId } },
      select: {
        role: true,
        directRole: true,
        user: { select: { id: true, name: true, email: true } },
        viaShareLink: {
          select: { name: true, role: true, createdAt: true, revokedAt: true, expiresAt: true },
        },
      },
    }),
    map.classroomId
      ? db().classroom.findUnique({
          where: { id: map.classroomId },
          select: { id: true, name: true },
        })
      : null,
  ]);
  const now = Date.now();
  const rows = members.map((m): MapMemberRow => {
    const link = m.viaShareLink;
    return {
      userId: m.user.id,
      name: displayName(m.user),
      email: m.user.email,
      role: membershipRole({ role: m.role, directRole: m.directRole, link }, now),
      origin: link
        ? {
            kind: 'link',
            name: link.name,
            linkRole: link.role,
            createdAt: link.createdAt.toISOString(),
            status: link.revokedAt ? 'revoked' : linkIsLive(link, now) ? 'active' : 'expired',
            directRole: m.directRole,
          }
        : { kind: 'direct' },
    };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name));
  const ownerRow: MapMemberRow = {
    userId: owner.id,
    name: displayName(owner),
    email: owner.email,
    role: 'OWNER',
    origin: { kind: 'owner' },
  };
  return { members: [ownerRow, ...rows], classroom };
}

/**
 * The owner sets a member's role by hand. The role is then the owner's own
 * choice: it no longer depends on the link they joined through. Their open
 * pages and streams take the new role at once.
 */
export async function setMemberRole(
  actor: Actor,
  mapId: string,
  input: z.infer<typeof ZSetMemberRoleInput>,
): Promise<void> {
  const { map } = await authorizeMap(actor, 'map:manage', mapId);
  if (input.userId === map.ownerId) throw ownerStays();
  const { count } = await db().mapMember.updateMany({
    where: { mapId, userId: input.userId },
    data: { role: input.role, viaShareLinkId: null, directRole: null },
  });
  if (count === 0) throw notMember();
  await accessChanged({ mapId });
}

/**
 * The owner removes a member from the map, and from the map's teams unless
 * they are in its class (whose students stay on the map through the class).
 * Their open pages and streams lose access at once; what they wrote stays.
 */
export async function removeMapMember(actor: Actor, mapId: string, userId: string): Promise<void> {
  const { map } = await authorizeMap(actor, 'map:manage', mapId);
  if (userId === map.ownerId) throw ownerStays();
  await db().$transaction(async (tx) => {
    const { count } = await tx.mapMember.deleteMany({ where: { mapId, userId } });
    if (count === 0) throw notMember();
    const inClass = map.classroomId
      ? await tx.classroomMember.findUnique({
          where: { classroomId_userId: { classroomId: map.classroomId, userId } },
          select: { id: true },
        })
      : null;
    if (!inClass) {
      await tx.teamMember.deleteMany({ where: { userId, team: { mapId } } });
      await tx.mapModerator.deleteMany({ where: { userId, mapId } });
    }
  });
  await accessChanged({ mapId });
}
