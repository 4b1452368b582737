import 'server-only';
import { z } from 'zod';
import { cardOf } from '../../domain/evidence/card';
import { INTENTS } from '../../domain/history';
import {
  invertSocialOp,
  isAnnotationOp,
  ZSocialOp,
  type SocialChanges,
  type TSocialOp,
  type TSocialOpInput,
} from '../../domain/social';
import type { Prisma } from '../../generated/prisma/client';
import { authorizeMap, type Actor } from '../authz';
import {
  ANNOTATION_INCLUDE,
  annotationTargetOf,
  annotationView,
  COMMENT_INCLUDE,
  commentView,
} from './get-social-view';
import { db } from '../db';
import { AppError } from '../errors';
import { appendToLog } from '../maps/append-to-log';
import {
  peopleAsClassmatesSee,
  peopleAsSeenBy,
  perMapIdsOf,
  PLAIN_PEOPLE,
  type PeopleLens,
} from '../maps/display-names';
import { peopleInSocialOps, socialOpsAsSeenBy, socialOpsWithRealIds } from './social-op-people';
import { writeAnnotation } from './write-annotation';
import { SHOWN_COMMENT, writeComment } from './write-comment';

export const ZApplySocialOpsInput = z.object({
  ops: z
    .array(ZSocialOp)
    .min(1, 'Send at least one change')
    .max(50, 'Send at most 50 changes at once'),
  idempotencyKey: z.string().min(8).max(100).optional(),
  /** Why the batch was sent: a new change, or an undo or redo of an earlier one (rebuilds the history). */
  intent: z.enum(INTENTS).default('do'),
});

type Tx = Prisma.TransactionClient;

/**
 * Comments and team annotations, all or nothing, in the map's op log. A
 * batch is either comments (for every member; needs the COMMENTER role) or
 * annotations of exactly one team (its members only; logged with the team
 * id, so the stream carries it to that team alone).
 */
export async function applySocialOps(
  actor: Actor,
  mapId: string,
  input: z.infer<typeof ZApplySocialOpsInput>,
): Promise<{ seq: number; duplicate: boolean; inverse: TSocialOpInput[] | null }> {
  const annotations = input.ops.filter(isAnnotationOp);
  if (annotations.length > 0 && annotations.length < input.ops.length) {
    throw new AppError('VALIDATION_FAILED', 'Send comments and team notes separately.');
  }
  const teamIds = new Set(
    input.ops.flatMap((op) => (op.type === 'upsertAnnotation' ? [op.teamId] : [])),
  );
  if (teamIds.size > 1)
    throw new AppError('VALIDATION_FAILED', 'One batch of notes belongs to one team.');
  const access = annotations.length
    ? await authorizeMap(actor, 'map:read', mapId)
    : await authorizeMap(actor, 'map:comment', mapId);
  if (actor.kind !== 'user')
    throw new AppError('UNAUTHENTICATED', 'Sign in to comment or take notes.');
  const userId = actor.userId;
  // On an anonymous map the page names classmates by per-map ids: stored and checked as user ids.
  const ops = await socialOpsWithRealIds(mapId, input.ops);
  const anonymous = access.map.anonymousSince !== null;
  // Everyone the batch names gets their pseudonym before the write (it cannot
  // be given under the map's row lock), so its changes can go live as
  // classmates see them.
  if (anonymous) await perMapIdsOf(mapId, [userId, ...peopleInSocialOps(ops)], true);

  let teamId: string | null = null;
  if (annotations.length) {
    teamId =
      [...teamIds][0] ??
      (await teamOfAnnotations(
        mapId,
        annotations.map((op) => op.id),
      ));
    const member = await db().teamMember.findFirst({
      where: { teamId, userId, team: { mapId } },
      select: { id: true },
    });
    if (!member)
      throw new AppError('FORBIDDEN', 'You can only take notes in your own team’s layer.');
  }

  const appended = await appendToLog(
    { mapId, actorId: userId, idempotencyKey: input.idempotencyKey },
    async (tx) => {
      // The batch's inverse, from what was stored before each op: null when one op cannot be undone.
      let inverse: TSocialOpInput[] | null = [];
      for (const op of ops) {
        const back = await inverseOf(tx, mapId, op);
        inverse = back && inverse ? [back, ...inverse] : null;
        if (isAnnotationOp(op)) await writeAnnotation(tx, mapId, userId, teamId, op);
        else await writeComment(tx, mapId, userId, op, input.intent);
      }
      return {
        teamId,
        op: {
          kind: 'social',
          ops,
          inverse,
          intent: input.intent,
        } as Prisma.InputJsonValue,
        live: anonymous
          ? await changesClassmatesSee(tx, mapId, ops)
          : { changes: await changesOf(tx, mapId, ops, async () => PLAIN_PEOPLE) },
        value: inverse,
      };
    },
  );
  const inverse = appended.duplicate
    ? ((appended.op as { inverse?: TSocialOpInput[] | null }).inverse ?? null)
    : appended.value;
  const named = inverse ? peopleInSocialOps(inverse) : [];
  return {
    seq: appended.seq,
    duplicate: appended.duplicate,
    // The undo goes back to the page: the people it names as the writer sees them.
    inverse:
      inverse && named.length > 0
        ? socialOpsAsSeenBy(inverse, await peopleAsSeenBy(actor, access, named))
        : inverse,
  };
}

/** The op that undoes `op`, from the comment or note as it is stored now (the domain rule, fed from the database). */
async function inverseOf(tx: Tx, mapId: string, op: TSocialOp): Promise<TSocialOpInput | null> {
  if (op.type === 'editComment') {
    const row = await tx.comment.findFirst({
      where: { id: op.id, mapId, deletedAt: null },
      select: { id: true, body: true, mentions: true },
    });
    return invertSocialOp({ comments: row ? [row] : [], layers: [] }, op);
  }
  if (op.type === 'upsertAnnotation' || op.type === 'deleteAnnotation') {
    const row = await tx.annotation.findFirst({ where: { id: op.id, mapId, deletedAt: null } });
    const before = row
      ? [
          {
            ...row,
            target: annotationTargetOf(row),
            marks: row.kind === 'CUT' ? cardOf(row.marks) : null,
          },
        ]
      : [];
    return invertSocialOp({ comments: [], layers: [{ annotations: before }] }, op);
  }
  return invertSocialOp({ comments: [], layers: [] }, op);
}

/**
 * What goes live of a batch on an anonymous map: its changes as every reader
 * who does not see names sees them, with the user ids they name (`people`),
 * which the stream swaps for each reader's per-map ids. The map's teachers
 * get a bare nudge instead and fetch their view with names (map-stream.ts).
 * Nothing but the nudge when someone named has no pseudonym yet.
 */
async function changesClassmatesSee(
  tx: Tx,
  mapId: string,
  ops: readonly TSocialOp[],
): Promise<{ changes: SocialChanges; pseudonymous: true; people: string[] } | undefined> {
  const people = new Set<string>();
  const changes = await changesOf(tx, mapId, ops, async (ids) => {
    for (const id of ids) if (id) people.add(id);
    return peopleAsClassmatesSee(mapId, ids, tx);
  });
  return changes ? { changes, pseudonymous: true, people: [...people] } : undefined;
}

/** The team of existing annotations being deleted (a delete names no team). */
async function teamOfAnnotations(mapId: string, ids: string[]): Promise<string> {
  const rows = await db().annotation.findMany({
    where: { id: { in: ids }, mapId },
    select: { teamId: true },
  });
  const teams = new Set(rows.map((r) => r.teamId));
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'That note does not exist on this map.');
  if (teams.size > 1)
    throw new AppError('VALIDATION_FAILED', 'One batch of notes belongs to one team.');
  return [...teams][0]!;
}

/**
 * What the batch changed, read back inside its transaction, for the stream
 * to hand to every reader allowed to see it (the batch's team filter
 * applies): open pages update in place instead of each refetching
 * everything. Every social op changes exactly the comment or note it names,
 * and a reply's thread too: a deleted first comment is shown as "Comment
 * deleted" while replies to it remain, and goes with the last of them.
 */
async function changesOf(
  tx: Tx,
  mapId: string,
  ops: readonly TSocialOp[],
  lensFor: (userIds: (string | null)[]) => Promise<PeopleLens | null>,
): Promise<SocialChanges | null> {
  const commentIds = ops.filter((op) => !isAnnotationOp(op)).map((op) => op.id);
  const annotationIds = ops.filter(isAnnotationOp).map((op) => op.id);
  const [changed, annotations] = await Promise.all([
    commentIds.length
      ? tx.comment.findMany({ where: { mapId, id: { in: commentIds } }, include: COMMENT_INCLUDE })
      : [],
    annotationIds.length
      ? tx.annotation.findMany({
          where: { mapId, id: { in: annotationIds } },
          include: ANNOTATION_INCLUDE,
        })
      : [],
  ]);
  const threadIds = [
    ...new Set(
      changed.flatMap((c) => (c.parentId && !commentIds.includes(c.parentId) ? [c.parentId] : [])),
    ),
  ];
  const comments = threadIds.length
    ? [
        ...changed,
        ...(await tx.comment.findMany({
          where: { mapId, id: { in: threadIds } },
          include: COMMENT_INCLUDE,
        })),
      ]
    : changed;
  const shown = new Set(
    (
      await tx.comment.findMany({
        where: { mapId, id: { in: comments.map((c) => c.id) }, ...SHOWN_COMMENT },
        select: { id: true },
      })
    ).map((c) => c.id),
  );
  const people = await lensFor([
    ...comments.flatMap((c) => [c.authorId, ...(c.mentions ?? [])]),
    ...annotations.flatMap((a) => [a.authorId, a.assigneeId]),
  ]);
  if (!people) return null;
  return {
    comments: comments.filter((c) => shown.has(c.id)).map((c) => commentView(c, people)),
    removedComments: comments.filter((c) => !shown.has(c.id)).map((c) => c.id),
    annotations: annotations
      .filter((a) => a.deletedAt === null)
      .map((a) => annotationView(a, people)),
    removedAnnotations: annotations.filter((a) => a.deletedAt !== null).map((a) => a.id),
  };
}
