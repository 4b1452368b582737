import 'server-only';
import type { MapRole } from '../../generated/prisma/enums';
import { membershipRole, userRole, visibleMapsWhere, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';

export type MyMap = {
  id: string;
  title: string;
  motion: string;
  updatedAt: string;
  classroomName: string | null;
  role: string;
};
export type MyClassroom = {
  id: string;
  name: string;
  role: 'TEACHER' | 'STUDENT';
  studentCount: number;
};

const ROLE_WORDS: Record<MapRole, string> = {
  OWNER: 'Owner',
  EDITOR: 'Editor',
  COMMENTER: 'Commenter',
  VIEWER: 'Viewer',
};

/**
 * "My maps": maps I own, maps shared with me (by membership, a share link I
 * followed or my classes), and my classrooms. Which maps, and my role on
 * each, are lib/server/authz's decision.
 */
export async function listMyMaps(
  actor: Actor,
): Promise<{ owned: MyMap[]; shared: MyMap[]; classrooms: MyClassroom[] }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to see your maps.');
  const userId = actor.userId;
  const [maps, classes] = await Promise.all([
    db().argumentMap.findMany({
      where: visibleMapsWhere(actor, { publicMaps: false }),
      orderBy: { updatedAt: 'desc' },
      take: 200,
      select: {
        id: true,
        title: true,
        motion: true,
        updatedAt: true,
        ownerId: true,
        classroom: { select: { name: true, members: { where: { userId }, select: { id: true } } } },
        members: {
          where: { userId },
          select: {
            role: true,
            directRole: true,
            viaShareLink: { select: { revokedAt: true, expiresAt: true } },
          },
        },
      },
    }),
    db().classroomMember.findMany({
      where: { userId },
      orderBy: { joinedAt: 'desc' },
      select: {
        role: true,
        classroom: {
          select: {
            id: true,
            name: true,
            _count: { select: { members: { where: { role: 'STUDENT' } } } },
          },
        },
      },
    }),
  ]);
  const card = (m: (typeof maps)[number]): MyMap => ({
    id: m.id,
    title: m.title,
    motion: m.motion,
    updatedAt: m.updatedAt.toISOString(),
    classroomName: m.classroom?.name ?? null,
    role: ROLE_WORDS[
      userRole({
        owner: m.ownerId === userId,
        memberRole: membershipRole(
          m.members[0] ? { ...m.members[0], link: m.members[0].viaShareLink } : null,
        ),
        classMember: (m.classroom?.members.length ?? 0) > 0,
      }) ?? 'VIEWER'
    ],
  });
  return {
    owned: maps.filter((m) => m.ownerId === userId).map(card),
    shared: maps.filter((m) => m.ownerId !== userId).map(card),
    classrooms: classes.map((c) => ({
      id: c.classroom.id,
      name: c.classroom.name,
      role: c.role,
      studentCount: c.classroom._count.members,
    })),
  };
}
