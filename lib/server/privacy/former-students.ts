import 'server-only';
import { displayName } from '../../domain/people';
import { authorizeClassroom, type Actor } from '../authz';
import { db } from '../db';

type FormerStudent = {
  id: string;
  name: string;
  managed: boolean;
  /** When they left the class (ISO). */
  leftAt: string;
  /** When they last did something on the class's maps (ISO), or null if never. */
  lastActiveAt: string | null;
};

/**
 * The class's former students: those its teacher removed from it (their
 * departure is recorded, `ClassroomDeparture`) and who have not rejoined.
 * Their work stays on the maps after they leave, so the teacher can still
 * download it or erase it; erasing it ends the record too. Nobody else who
 * once worked on the class's maps (a link guest, a map's member) is one.
 * `only`: just this person, if they are one.
 */
export async function formerStudentsOf(
  classroom: { id: string; teacherId: string },
  only?: string,
): Promise<FormerStudent[]> {
  const departures = await db().classroomDeparture.findMany({
    where: {
      classroomId: classroom.id,
      userId: only ?? { not: classroom.teacherId },
      // Back in the class: a student again (joining deletes the record; this holds regardless).
      user: { classroomMembers: { none: { classroomId: classroom.id } } },
    },
    select: {
      leftAt: true,
      user: {
        select: { id: true, name: true, email: true, username: true, managedInClassroomId: true },
      },
    },
  });
  if (departures.length === 0) return [];
  const ids = departures.map((d) => d.user.id);
  const actors = await db().mapOp.groupBy({
    by: ['actorId'],
    where: { map: { classroomId: classroom.id }, actorId: { in: ids } },
    _max: { createdAt: true },
  });
  const last = new Map(actors.map((a) => [a.actorId, a._max.createdAt]));
  return departures
    .map(({ user, leftAt }) => ({
      id: user.id,
      name: displayName(user),
      managed: user.managedInClassroomId === classroom.id,
      leftAt: leftAt.toISOString(),
      lastActiveAt: last.get(user.id)?.toISOString() ?? null,
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
