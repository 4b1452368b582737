import 'server-only';
import type { Actor } from '../authz';
import { db } from '../db';

/** The classrooms the actor teaches, for choosing which class a new map is for. */
export async function listTaughtClassrooms(actor: Actor): Promise<{ id: string; name: string }[]> {
  if (actor.kind !== 'user') return [];
  return db().classroom.findMany({
    where: { teacherId: actor.userId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true },
  });
}
