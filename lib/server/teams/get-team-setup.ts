import 'server-only';
import { displayName } from '../../domain/people';
import type { Side } from '../../domain/types';
import { authorizeMap, liveMembershipWhere, type Actor } from '../authz';
import { db } from '../db';

export type TeamSetup = {
  map: { id: string; title: string; classroomId: string | null; classroomName: string | null };
  teams: { id: string; name: string; side: Side; color: string; memberIds: string[] }[];
  /**
   * Everyone who can be put on a team: the class's students and the map's
   * other members, each with how many notes they have written in each team's
   * layer (which stay with that team if they move).
   */
  people: {
    id: string;
    name: string;
    email: string | null;
    teamId: string | null;
    notesByTeam: Record<string, number>;
  }[];
};

/** The map's teams and the people who can be put on them, for its owner. */
export async function getTeamSetup(actor: Actor, mapId: string): Promise<TeamSetup> {
  await authorizeMap(actor, 'map:manage', mapId);
  const map = await db().argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: {
      id: true,
      title: true,
      ownerId: true,
      classroomId: true,
      classroom: {
        select: {
          name: true,
          members: {
            where: { role: 'STUDENT' },
            select: { user: { select: { id: true, name: true, email: true } } },
          },
        },
      },
      members: {
        where: liveMembershipWhere(),
        select: { user: { select: { id: true, name: true, email: true } } },
      },
      teams: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          name: true,
          side: true,
          color: true,
          members: { select: { userId: true } },
        },
      },
    },
  });
  const notes = await db().annotation.groupBy({
    by: ['authorId', 'teamId'],
    where: { mapId, deletedAt: null, authorId: { not: null } },
    _count: { _all: true },
  });
  const notesOf = (userId: string) =>
    Object.fromEntries(
      notes.filter((n) => n.authorId === userId).map((n) => [n.teamId, n._count._all]),
    );
  const teamOf = new Map<string, string>();
  for (const t of map.teams) for (const m of t.members) teamOf.set(m.userId, t.id);
  const people = new Map<string, { id: string; name: string; email: string | null }>();
  for (const { user } of [...(map.classroom?.members ?? []), ...map.members]) {
    if (user.id !== map.ownerId)
      people.set(user.id, { id: user.id, name: displayName(user), email: user.email });
  }
  return {
    map: {
      id: map.id,
      title: map.title,
      classroomId: map.classroomId,
      classroomName: map.classroom?.name ?? null,
    },
    teams: map.teams.map((t) => ({
      id: t.id,
      name: t.name,
      side: t.side,
      color: t.color,
      memberIds: t.members.map((m) => m.userId),
    })),
    people: [...people.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({ ...p, teamId: teamOf.get(p.id) ?? null, notesByTeam: notesOf(p.id) })),
  };
}
