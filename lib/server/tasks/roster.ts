import 'server-only';
import { displayName } from '../../domain/people';
import type { Side } from '../../domain/types';
import { liveMembershipWhere } from '../authz';
import { db } from '../db';

/** A student on a map, with the team (and so the side) they argue on it. */
export type RosterStudent = {
  id: string;
  name: string;
  teamIds: string[];
  teamName: string | null;
  /** Their team's side; null on no team. */
  side: Side | null;
};

/**
 * The students of a map: the students of its class, its members and the
 * people on its teams, less its owner and the class's teachers. Sorted by name.
 */
export async function mapStudents(mapId: string): Promise<RosterStudent[]> {
  const map = await db().argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: {
      ownerId: true,
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
          members: { select: { user: { select: { id: true, name: true, email: true } } } },
        },
      },
      classroom: {
        select: {
          teacherId: true,
          members: {
            select: { role: true, user: { select: { id: true, name: true, email: true } } },
          },
        },
      },
    },
  });
  const teachers = new Set([
    map.ownerId,
    ...(map.classroom
      ? [
          map.classroom.teacherId,
          ...map.classroom.members.filter((m) => m.role === 'TEACHER').map((m) => m.user.id),
        ]
      : []),
  ]);
  const people = [
    ...(map.classroom?.members.filter((m) => m.role === 'STUDENT').map((m) => m.user) ?? []),
    ...map.members.map((m) => m.user),
    ...map.teams.flatMap((t) => t.members.map((m) => m.user)),
  ];
  const students = new Map<string, RosterStudent>();
  for (const person of people) {
    if (teachers.has(person.id) || students.has(person.id)) continue;
    const teams = map.teams.filter((t) => t.members.some((m) => m.user.id === person.id));
    students.set(person.id, {
      id: person.id,
      name: displayName(person),
      teamIds: teams.map((t) => t.id),
      teamName: teams[0]?.name ?? null,
      side: teams[0]?.side ?? null,
    });
  }
  return [...students.values()].sort((a, b) => a.name.localeCompare(b.name));
}
