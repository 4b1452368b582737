import 'server-only';
import { displayName } from '../../domain/people';
import { authorizeClassroom, type Actor } from '../authz';
import { db } from '../db';

type FormerStudent = {
  id: string;
  name: string;
  managed: boolean;
  /** When they last did something on the class's maps (ISO). */
  lastActiveAt: string;
};

/**
 * People who worked on the class's maps and are no longer in the class (a
 * removed student): whoever has a batch in the maps' op log (every card,
 * connection, comment, note and vote is one) but is neither in the class
 * nor a member of one of its maps now, nor its teacher. Their work stays
 * on the maps after they leave, so the teacher can still download it or
 * erase it. `only`: just this person, if they are one.
 */
export async function formerStudentsOf(
  classroom: { id: string; teacherId: string },
  only?: string,
): Promise<FormerStudent[]> {
  const inClass = { classroomId: classroom.id };
  const actors = await db().mapOp.groupBy({
    by: ['actorId'],
    where: { map: inClass, actorId: only ?? { not: null } },
    _max: { createdAt: true },
  });
  const ids = actors.map((a) => a.actorId).filter((id): id is string => id !== null);
  if (ids.length === 0) return [];
  const users = await db().user.findMany({
    where: {
      id: { in: ids, not: classroom.teacherId },
      classroomMembers: { none: inClass },
      mapMembers: { none: { map: inClass } },
    },
    select: { id: true, name: true, email: true, username: true, managedInClassroomId: true },
  });
  const last = new Map(actors.map((a) => [a.actorId, a._max.createdAt]));
  return users
    .map((u) => ({
      id: u.id,
      name: displayName(u),
      managed: u.managedInClassroomId === classroom.id,
      lastActiveAt: (last.get(u.id) ?? new Date(0)).toISOString(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The classroom page's "Former students": for its teacher only. */
export async function listFormerStudents(
  actor: Actor,
  classroomId: string,
): Promise<FormerStudent[]> {
  const { classroom } = await authorizeClassroom(actor, 'classroom:manage', classroomId);
  return formerStudentsOf(classroom);
}
