import 'server-only';
import { displayName } from '../../domain/people';
import type { Prisma } from '../../generated/prisma/client';
import { liveMembershipWhere } from '../authz';
import { db } from '../db';

/**
 * Everyone who can read a map as a signed-in person: its owner and members
 * (those whose link still holds),
 * and the teacher and students of its classroom. These are the people a
 * comment may @mention. Pass the transaction when inside one (the embedded
 * database serves one connection).
 */
export async function listMapPeople(
  mapId: string,
  client: Prisma.TransactionClient = db(),
): Promise<{ id: string; name: string }[]> {
  const map = await client.argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: {
      owner: { select: { id: true, name: true, email: true } },
      members: {
        where: liveMembershipWhere(),
        select: { user: { select: { id: true, name: true, email: true } } },
      },
      classroom: {
        select: {
          teacher: { select: { id: true, name: true, email: true } },
          members: { select: { user: { select: { id: true, name: true, email: true } } } },
        },
      },
    },
  });
  const everyone = [
    map.owner,
    ...map.members.map((m) => m.user),
    ...(map.classroom ? [map.classroom.teacher, ...map.classroom.members.map((m) => m.user)] : []),
  ];
  const people = new Map(everyone.map((u) => [u.id, { id: u.id, name: displayName(u) }]));
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}
