import 'server-only';
import type { Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import type { Download } from '../http';
import type { EraseScope } from './erase-contributions';
import { ident, userColumns } from './user-columns';
import { studentOfClass } from './delete-student-data';

/** At most this many rows of each kind: an export is bounded, and says when it was cut. */
const EXPORT_LIMIT = 10_000;

/** Tables the export reads by name; any other table that names the person is read generically. */
const KNOWN = new Set([
  'User',
  'Account',
  'Session',
  'Classroom',
  'ClassroomMember',
  'ArgumentMap',
  'MapMember',
  'TeamMember',
  'Node',
  'Edge',
  'Annotation',
  'Comment',
  'ShareLink',
  'MapOp',
  'Round',
  'RoundJudge',
  'FlowEntry',
  'Ballot',
  'MapPseudonym',
]);
/** Columns never exported, whatever table they are in: secrets that would sign someone in. */
const SECRET = /token|hash|password|secret/i;

const exportedAt = () => new Date().toISOString();
const fileDate = () => new Date().toISOString().slice(0, 10);
const json = (data: unknown, fileName: string): Download => ({
  fileName,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(
    data,
    (_key, value) => (typeof value === 'bigint' ? String(value) : value),
    2,
  ),
});

/** "Download my data": everything the signed-in user put into Counterpoint, as JSON. */
export async function exportMyData(actor: Actor): Promise<Download> {
  if (actor.kind !== 'user')
    throw new AppError('UNAUTHENTICATED', 'Sign in to download your data.');
  const userId = actor.userId;
  const [profile, accounts, sessions, classesTaught, classes, mapsOwned, mapsJoined, teams] =
    await Promise.all([
      db().user.findUniqueOrThrow({
        where: { id: userId },
        select: {
          id: true,
          name: true,
          email: true,
          emailVerified: true,
          image: true,
          avatarColor: true,
          createdAt: true,
          updatedAt: true,
        },
      }),
      db().account.findMany({ where: { userId }, select: { provider: true, type: true } }),
      db().session.findMany({ where: { userId }, select: { expires: true } }),
      db().classroom.findMany({
        where: { teacherId: userId },
        select: { id: true, name: true, createdAt: true },
      }),
      db().classroomMember.findMany({
        where: { userId },
        select: { role: true, joinedAt: true, classroom: { select: { id: true, name: true } } },
      }),
      db().argumentMap.findMany({
        where: { ownerId: userId },
        select: { id: true, title: true, motion: true, description: true, createdAt: true },
        take: EXPORT_LIMIT,
      }),
      db().mapMember.findMany({
        where: { userId },
        select: { role: true, createdAt: true, map: { select: { id: true, title: true } } },
        take: EXPORT_LIMIT,
      }),
      db().teamMember.findMany({
        where: { userId },
        select: { team: { select: { id: true, name: true, side: true, mapId: true } } },
        take: EXPORT_LIMIT,
      }),
    ]);
  const data = {
    about: 'Everything Counterpoint holds about you and what you wrote. See docs/PRIVACY.md.',
    exportedAt: exportedAt(),
    limitPerList: EXPORT_LIMIT,
    profile,
    signIn: { accounts, openSessions: sessions.length },
    classesTaught,
    classes,
    mapsOwned,
    mapsJoined,
    teams: teams.map((t) => t.team),
    ...(await contributions(userId, 'everywhere')),
  };
  return json(data, `counterpoint-my-data-${fileDate()}.json`);
}

/** A teacher's "Download data" of one student: their work in this class's maps, as JSON. */
export async function exportStudentData(
  actor: Actor,
  classroomId: string,
  userId: string,
): Promise<Download> {
  const { classroom, student, joinedAt, maps } = await studentOfClass(actor, classroomId, userId);
  const data = {
    about: `What ${student.name ?? 'this student'} contributed in the class “${classroom.name}”. See docs/PRIVACY.md.`,
    exportedAt: exportedAt(),
    limitPerList: EXPORT_LIMIT,
    student: { ...student, joinedAt },
    classroom: { id: classroom.id, name: classroom.name },
    maps,
    ...(await contributions(userId, { mapIds: maps.map((m) => m.id), classroomId })),
  };
  const slug = (student.name ?? 'student').replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase();
  return json(data, `counterpoint-${slug}-${fileDate()}.json`);
}

/** What the person wrote (in scope): their own items only, never another person's team notes. */
async function contributions(userId: string, scope: EraseScope) {
  const inMaps = scope === 'everywhere' ? {} : { mapId: { in: scope.mapIds } };
  const inRounds = scope === 'everywhere' ? {} : { round: { mapId: { in: scope.mapIds } } };
  const take = EXPORT_LIMIT;
  const [nodes, edges, comments, teamNotes, flowEntries, ballots, judging, shareLinks, opBatches] =
    await Promise.all([
      db().node.findMany({
        where: { createdById: userId, ...inMaps },
        select: {
          id: true,
          mapId: true,
          kind: true,
          text: true,
          side: true,
          tags: true,
          createdAt: true,
          deletedAt: true,
        },
        take,
      }),
      db().edge.findMany({
        where: { createdById: userId, ...inMaps },
        select: {
          id: true,
          mapId: true,
          fromId: true,
          toId: true,
          relation: true,
          createdAt: true,
          deletedAt: true,
        },
        take,
      }),
      db().comment.findMany({
        where: { authorId: userId, ...inMaps },
        select: {
          id: true,
          mapId: true,
          nodeId: true,
          edgeId: true,
          parentId: true,
          body: true,
          createdAt: true,
          deletedAt: true,
        },
        take,
      }),
      db().annotation.findMany({
        where: { authorId: userId, ...inMaps },
        select: {
          id: true,
          mapId: true,
          teamId: true,
          kind: true,
          body: true,
          rating: true,
          tag: true,
          targetType: true,
          nodeId: true,
          edgeId: true,
          sourceId: true,
          quoteExact: true,
          createdAt: true,
          deletedAt: true,
        },
        take,
      }),
      db().flowEntry.findMany({
        where: { authorId: userId, ...inRounds },
        select: {
          id: true,
          roundId: true,
          speech: true,
          text: true,
          teamId: true,
          createdAt: true,
          deletedAt: true,
        },
        take,
      }),
      db().ballot.findMany({
        where: { judgeId: userId, ...inRounds },
        select: {
          id: true,
          roundId: true,
          decision: true,
          speakers: true,
          reason: true,
          ties: true,
          submittedAt: true,
          releasedAt: true,
        },
        take,
      }),
      db().roundJudge.findMany({
        where: { userId, ...inRounds },
        select: { roundId: true, chair: true },
        take,
      }),
      db().shareLink.findMany({
        where: { createdById: userId, ...inMaps },
        select: {
          id: true,
          mapId: true,
          role: true,
          name: true,
          createdAt: true,
          expiresAt: true,
          revokedAt: true,
        },
        take,
      }),
      db().mapOp.findMany({
        where: { actorId: userId, ...inMaps },
        select: { mapId: true, seq: true, teamId: true, op: true, createdAt: true },
        orderBy: [{ mapId: 'asc' }, { seq: 'asc' }],
        take,
      }),
    ]);
  return {
    nodes,
    edges,
    comments,
    teamNotes,
    flowEntries,
    ballots,
    judging,
    shareLinks,
    opBatches,
    // Read here, once, for both exports (the generic tables below leave it out).
    pseudonymsOnAnonymousMaps: await db().mapPseudonym.findMany({
      where: { userId, ...inMaps },
      select: { mapId: true, number: true, createdAt: true },
      take,
    }),
    otherRecords: await otherRecords(userId, scope),
  };
}

/**
 * Rows about the person that are not theirs to read yet: a teacher's
 * feedback is the student's once released, not while it is a draft.
 */
const ONLY_WHEN: Record<string, string> = {
  'StudentFeedback.studentId': ` AND t."releasedAt" IS NOT NULL`,
};

/**
 * Rows of tables this file does not name (added after it) that name the
 * person, found from the database's foreign keys; within a class, only the
 * rows of its maps, rounds and teams or of the class itself.
 */
async function otherRecords(userId: string, scope: EraseScope) {
  const records: Record<string, unknown[]> = {};
  for (const { table, column, columns } of await userColumns(db())) {
    if (KNOWN.has(table)) continue;
    let where = `${ident(column)} = $1${ONLY_WHEN[`${table}.${column}`] ?? ''}`;
    const params: unknown[] = [userId];
    if (scope !== 'everywhere') {
      if (columns.includes('mapId')) where += ` AND t."mapId" = ANY($2::text[])`;
      else if (columns.includes('classroomId')) where += ` AND t."classroomId" = $2`;
      else continue;
      params.push(columns.includes('mapId') ? scope.mapIds : scope.classroomId);
    }
    const rows = await db().$queryRawUnsafe<{ row: Record<string, unknown> }[]>(
      `SELECT to_jsonb(t) AS "row" FROM ${ident(table)} t WHERE t.${where} LIMIT ${EXPORT_LIMIT}`,
      ...params,
    );
    const kept = rows.map(({ row }) =>
      Object.fromEntries(Object.entries(row).filter(([key]) => !SECRET.test(key))),
    );
    if (kept.length > 0) records[`${table}.${column}`] = kept;
  }
  return records;
}
