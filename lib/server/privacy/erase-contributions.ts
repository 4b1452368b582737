import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { scrubBatch } from '../../domain/privacy/scrub-batch';
import { ident, userColumns } from './user-columns';

type Tx = Prisma.TransactionClient;

/** Where a person's contributions are erased: on these maps (one class's), or everywhere. */
export type EraseScope = { mapIds: string[]; classroomId: string } | 'everywhere';

/**
 * Erases what one person contributed, in one transaction, by the rule in
 * docs/PRIVACY.md: shared map content they added (claims, connections,
 * sources, flow entries) stays for their classmates but is no longer theirs;
 * their comments are erased (a thread someone else answered keeps its
 * replies under a "deleted comment"); their team notes, the assignments
 * given to them, their ballots, suggestions and flags are deleted; their id and the erased words
 * leave the op log; their places on teams and maps go. The User row itself
 * (and so sessions, accounts and anything else that cascades from it) is
 * the caller's to delete.
 */
export async function eraseContributions(tx: Tx, userId: string, scope: EraseScope) {
  const inMaps = scope === 'everywhere' ? {} : { mapId: { in: scope.mapIds } };
  const erasedIds = new Set<string>();

  // Comments: gone, or emptied where someone else's reply hangs on them.
  const comments = await tx.comment.findMany({
    where: { authorId: userId, ...inMaps },
    select: { id: true },
  });
  const commentIds = comments.map((c) => c.id);
  commentIds.forEach((id) => erasedIds.add(id));
  const answered = new Set(
    (
      await tx.comment.findMany({
        where: { parentId: { in: commentIds } },
        select: { parentId: true, authorId: true },
      })
    )
      .filter((reply) => reply.authorId !== userId)
      .map((reply) => reply.parentId!),
  );
  await tx.comment.updateMany({
    where: { id: { in: [...answered] } },
    data: { body: '', mentions: [], authorId: null, resolvedById: null, deletedAt: new Date() },
  });
  await tx.comment.deleteMany({
    where: { id: { in: commentIds.filter((id) => !answered.has(id)) } },
  });
  await tx.comment.updateMany({
    where: { resolvedById: userId, ...inMaps },
    data: { resolvedById: null },
  });
  // Others' comments no longer @mention them (the id; their words stay theirs).
  const mentionScope = scope === 'everywhere' ? '' : ` AND "mapId" = ANY($2::text[])`;
  await tx.$executeRawUnsafe(
    `UPDATE "Comment" SET "mentions" = array_remove("mentions", $1) WHERE $1 = ANY("mentions")${mentionScope}`,
    userId,
    ...(scope === 'everywhere' ? [] : [scope.mapIds]),
  );

  // Team notes they wrote, and the assignments given to them.
  const notes = await tx.annotation.findMany({
    where: { OR: [{ authorId: userId }, { assigneeId: userId }], ...inMaps },
    select: { id: true },
  });
  notes.forEach((n) => erasedIds.add(n.id));
  await tx.annotation.deleteMany({ where: { id: { in: notes.map((n) => n.id) } } });

  // Their suggestions (waiting words, and the record of decided ones: an approved card stays
  // on the map like any card), their flags and their places as moderators.
  await tx.suggestion.deleteMany({ where: { authorId: userId, ...inMaps } });
  await tx.suggestion.updateMany({
    where: { decidedById: userId, ...inMaps },
    data: { decidedById: null },
  });
  await tx.flag.deleteMany({ where: { raisedById: userId, ...inMaps } });
  await tx.flag.updateMany({
    where: { resolvedById: userId, ...inMaps },
    data: { resolvedById: null },
  });
  await tx.mapModerator.deleteMany({ where: { userId, ...inMaps } });
  await tx.mapModerator.updateMany({
    where: { appointedById: userId, ...inMaps },
    data: { appointedById: null },
  });

  // Ballots they judged go; their name leaves others' ballots.
  const inRounds = scope === 'everywhere' ? {} : { round: { mapId: { in: scope.mapIds } } };
  await tx.ballot.deleteMany({ where: { judgeId: userId, ...inRounds } });
  await tx.roundJudge.deleteMany({ where: { userId, ...inRounds } });
  const ballots = await tx.$queryRawUnsafe<{ id: string; speakers: unknown }[]>(
    `SELECT b."id", b."speakers" FROM "Ballot" b JOIN "Round" r ON r."id" = b."roundId"
      WHERE strpos(b."speakers"::text, $1) > 0${scope === 'everywhere' ? '' : ` AND r."mapId" = ANY($2::text[])`}`,
    userId,
    ...(scope === 'everywhere' ? [] : [scope.mapIds]),
  );
  for (const ballot of ballots)
    await tx.ballot.update({
      where: { id: ballot.id },
      data: {
        speakers: scrubBatch(ballot.speakers, { userId, erasedIds }) as Prisma.InputJsonValue,
      },
    });

  await scrubOpLog(tx, userId, erasedIds, scope);

  // Their pseudonyms on anonymous maps go (the number is not given again while higher ones exist).
  await tx.mapPseudonym.deleteMany({ where: { userId, ...inMaps } });

  if (scope !== 'everywhere') await unlinkInClass(tx, userId, scope);
}

/** Escapes LIKE's wildcards in an id. */
const likeAny = (ids: Iterable<string>) =>
  [...ids].map((id) => `%${id.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

/**
 * The op log keeps its batches (history, undo and past views replay them)
 * but loses the person: their batches no longer name them, their id leaves
 * every body, and the words of what was erased leave the ops that carried
 * them (lib/domain/privacy/scrub-batch.ts).
 */
async function scrubOpLog(tx: Tx, userId: string, erasedIds: Set<string>, scope: EraseScope) {
  const everywhere = scope === 'everywhere';
  if (!everywhere)
    await tx.mapOp.updateMany({
      where: { actorId: userId, mapId: { in: scope.mapIds } },
      data: { actorId: null },
    });
  const rows = await tx.$queryRawUnsafe<{ id: bigint; op: unknown }[]>(
    `SELECT "id", "op" FROM "MapOp"
      WHERE (strpos("op"::text, $1) > 0 OR "op"::text LIKE ANY($2::text[]))
        ${everywhere ? '' : `AND "mapId" = ANY($3::text[])`}`,
    userId,
    likeAny(erasedIds),
    ...(everywhere ? [] : [scope.mapIds]),
  );
  for (const row of rows) {
    const op = scrubBatch(row.op, { userId, erasedIds });
    if (op !== row.op)
      await tx.mapOp.update({ where: { id: row.id }, data: { op: op as Prisma.InputJsonValue } });
  }
}

/**
 * Within one class the User row stays, so nothing cascades: every other row
 * of the class's maps, rounds, teams and the class itself that names them
 * (found from the database's own foreign keys, so tables added later are
 * covered) loses the name, or goes when the name is what the row is about.
 * Maps they own in the class pass to its teacher first.
 */
async function unlinkInClass(
  tx: Tx,
  userId: string,
  { mapIds, classroomId }: { mapIds: string[]; classroomId: string },
) {
  const { teacherId } = await tx.classroom.findUniqueOrThrow({
    where: { id: classroomId },
    select: { teacherId: true },
  });
  const owned = await tx.argumentMap.findMany({
    where: { ownerId: userId, classroomId },
    select: { id: true },
  });
  for (const { id: mapId } of owned) await handMapTo(tx, mapId, teacherId);
  // Each scope as SQL, given the placeholder of its value ($2…).
  const scopes: Record<string, [(at: string) => string, unknown]> = {
    mapId: [(at) => `"mapId" = ANY(${at}::text[])`, mapIds],
    roundId: [
      (at) => `"roundId" IN (SELECT "id" FROM "Round" WHERE "mapId" = ANY(${at}::text[]))`,
      mapIds,
    ],
    teamId: [
      (at) => `"teamId" IN (SELECT "id" FROM "Team" WHERE "mapId" = ANY(${at}::text[]))`,
      mapIds,
    ],
    classroomId: [(at) => `"classroomId" = ${at}`, classroomId],
  };
  for (const { table, column, nullable, columns } of await userColumns(tx)) {
    const keys = Object.keys(scopes).filter((key) => columns.includes(key));
    if (keys.length === 0) continue;
    const where = keys.map((key, i) => scopes[key]![0](`$${i + 2}`));
    const match = `${ident(column)} = $1 AND (${where.join(' OR ')})`;
    await tx.$executeRawUnsafe(
      nullable
        ? `UPDATE ${ident(table)} SET ${ident(column)} = NULL WHERE ${match}`
        : `DELETE FROM ${ident(table)} WHERE ${match}`,
      userId,
      ...keys.map((key) => scopes[key]![1]),
    );
  }
}

/** A map passes to a class's teacher (when its owner's data leaves the class). */
export async function handMapTo(tx: Tx, mapId: string, teacherId: string) {
  await tx.argumentMap.update({ where: { id: mapId }, data: { ownerId: teacherId } });
  await tx.mapMember.upsert({
    where: { mapId_userId: { mapId, userId: teacherId } },
    create: { mapId, userId: teacherId, role: 'OWNER' },
    update: { role: 'OWNER', viaShareLinkId: null, directRole: null },
  });
}
