import 'server-only';
import type { CitationStyle } from '../../domain/evidence/citation';
import { displayName } from '../../domain/people';
import { authorizeClassroom, type Actor } from '../authz';
import { db } from '../db';
import { formatJoinCode } from './join-code';

export type ClassroomView = {
  id: string;
  name: string;
  role: 'TEACHER' | 'STUDENT';
  teacher: { name: string };
  /** Only the teacher sees the code and the roster's emails. */
  joinCode: string | null;
  students: {
    id: string;
    name: string;
    email: string | null;
    /** A managed account's username (teacher only). */
    username: string | null;
    /** An account made by this class (no email): the teacher resets its password. */
    managed: boolean;
    joinedAt: string;
  }[];
  maps: { id: string; title: string; motion: string }[];
  /** How the class cites its sources. */
  citationStyle: CitationStyle;
  /** When the join code stops admitting new students (ISO; teacher only, else null), and whether it has. */
  joinClosesAt: string | null;
  joinClosed: boolean;
};

/** A classroom as its teacher or one of its students sees it. */
export async function getClassroom(actor: Actor, classroomId: string): Promise<ClassroomView> {
  const { classroom, role } = await authorizeClassroom(actor, 'classroom:read', classroomId);
  const [teacher, members, maps, settings] = await Promise.all([
    db().user.findUnique({
      where: { id: classroom.teacherId },
      select: { name: true, email: true },
    }),
    db().classroomMember.findMany({
      where: { classroomId, role: 'STUDENT' },
      orderBy: { joinedAt: 'asc' },
      select: {
        joinedAt: true,
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            username: true,
            managedInClassroomId: true,
          },
        },
      },
    }),
    db().argumentMap.findMany({
      where: { classroomId },
      orderBy: { createdAt: 'desc' },
      select: { id: true, title: true, motion: true },
    }),
    db().classroom.findUniqueOrThrow({
      where: { id: classroomId },
      select: { citationStyle: true, joinClosesAt: true },
    }),
  ]);
  const teaches = role === 'TEACHER';
  return {
    id: classroom.id,
    name: classroom.name,
    role,
    teacher: { name: displayName(teacher) },
    joinCode: teaches ? formatJoinCode(classroom.joinCode) : null,
    students: members.map((m) => ({
      id: m.user.id,
      name: displayName(m.user),
      email: teaches ? m.user.email : null,
      username: teaches ? m.user.username : null,
      managed: teaches && m.user.username !== null && m.user.managedInClassroomId === classroomId,
      joinedAt: m.joinedAt.toISOString(),
    })),
    maps,
    citationStyle: settings.citationStyle,
    joinClosesAt: teaches ? (settings.joinClosesAt?.toISOString() ?? null) : null,
    joinClosed: !!settings.joinClosesAt && settings.joinClosesAt.getTime() <= Date.now(),
  };
}
