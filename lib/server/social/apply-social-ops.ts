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
import { peopleAsSeenBy, PLAIN_PEOPLE } from '../maps/display-names';
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
        // On an anonymous map, how a change reads depends on who reads it
        // (a teacher sees names): each open page fetches its own view instead.
        live: (await isAnonymous(tx, mapId))
          ? undefined
          : { changes: await changesOf(tx, mapId, ops) },
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

async function isAnonymous(tx: Tx, mapId: string): Promise<boolean> {
  const map = await tx.argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: { anonymousSince: true },
  });
  return map.anonymousSince !== null;
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
async function changesOf(tx: Tx, mapId: string, ops: readonly TSocialOp[]): Promise<SocialChanges> {
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
  return {
    comments: comments.filter((c) => shown.has(c.id)).map((c) => commentView(c, PLAIN_PEOPLE)),
    removedComments: comments.filter((c) => !shown.has(c.id)).map((c) => c.id),
    annotations: annotations
      .filter((a) => a.deletedAt === null)
      .map((a) => annotationView(a, PLAIN_PEOPLE)),
    removedAnnotations: annotations.filter((a) => a.deletedAt !== null).map((a) => a.id),
  };
}
