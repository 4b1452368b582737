import 'server-only';
import { z } from 'zod';
import { INTENTS } from '../../domain/history';
import {
  invertSocialOp,
  isAnnotationOp,
  ZSocialOp,
  type TSocialOp,
  type TSocialOpInput,
} from '../../domain/social';
import type { Prisma } from '../../generated/prisma/client';
import { authorizeMap, type Actor } from '../authz';
import { listMapPeople } from '../maps/list-map-people';
import { annotationTargetOf } from './get-social-view';
import { db } from '../db';
import { AppError } from '../errors';
import { notifyOpsInTransaction, realtimeBus } from '../realtime/bus';

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
  if (annotations.length) await authorizeMap(actor, 'map:read', mapId);
  else await authorizeMap(actor, 'map:comment', mapId);
  if (actor.kind !== 'user')
    throw new AppError('UNAUTHENTICATED', 'Sign in to comment or take notes.');
  const userId = actor.userId;

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

  const result = await db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { lastSeq: number }[]
    >`SELECT "lastSeq" FROM "ArgumentMap" WHERE id = ${mapId} FOR UPDATE`;
    if (!locked)
      throw new AppError('NOT_FOUND', 'This map does not exist, or you do not have access to it.');
    if (input.idempotencyKey) {
      const prior = await tx.mapOp.findUnique({
        where: { mapId_idempotencyKey: { mapId, idempotencyKey: input.idempotencyKey } },
        select: { seq: true, op: true },
      });
      if (prior)
        return {
          seq: prior.seq,
          duplicate: true,
          inverse: (prior.op as { inverse?: TSocialOpInput[] | null }).inverse ?? null,
        };
    }
    // The batch's inverse, from what was stored before each op: null when one op cannot be undone.
    let inverse: TSocialOpInput[] | null = [];
    for (const op of input.ops) {
      const back = await inverseOf(tx, mapId, op);
      inverse = back && inverse ? [back, ...inverse] : null;
      await applyOne(tx, mapId, userId, teamId, op);
    }
    const seq = locked.lastSeq + 1;
    await tx.mapOp.create({
      data: {
        mapId,
        seq,
        actorId: userId,
        teamId,
        op: {
          kind: 'social',
          ops: input.ops,
          inverse,
          intent: input.intent,
        } as Prisma.InputJsonValue,
        idempotencyKey: input.idempotencyKey ?? null,
      },
    });
    await tx.argumentMap.update({ where: { id: mapId }, data: { lastSeq: seq } });
    await notifyOpsInTransaction(tx, mapId, seq);
    return { seq, duplicate: false, inverse };
  });
  if (!result.duplicate) realtimeBus().emitLocal({ type: 'ops', mapId, seq: result.seq });
  return result;
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
    const before = row ? [{ ...row, target: annotationTargetOf(row) }] : [];
    return invertSocialOp({ comments: [], layers: [{ annotations: before }] }, op);
  }
  return invertSocialOp({ comments: [], layers: [] }, op);
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

/** Only people who can read the map can be mentioned (a mention must not reach a stranger). */
async function checkMentions(tx: Tx, mapId: string, mentions: string[]): Promise<void> {
  if (mentions.length === 0) return;
  const people = new Set((await listMapPeople(mapId, tx)).map((p) => p.id));
  if (mentions.some((id) => !people.has(id)))
    throw new AppError('VALIDATION_FAILED', 'You can only mention people who are on this map.');
}

async function liveNodeOrEdge(
  tx: Tx,
  mapId: string,
  target: { nodeId?: string | null; edgeId?: string | null },
) {
  if (target.nodeId) {
    const node = await tx.node.findFirst({
      where: { id: target.nodeId, mapId },
      select: { deletedAt: true },
    });
    if (!node) throw new AppError('NOT_FOUND', 'That node is not on this map.');
    if (node.deletedAt) throw new AppError('DELETED', 'That node has been deleted.');
  }
  if (target.edgeId) {
    const edge = await tx.edge.findFirst({
      where: { id: target.edgeId, mapId },
      select: { deletedAt: true },
    });
    if (!edge) throw new AppError('NOT_FOUND', 'That connection is not on this map.');
    if (edge.deletedAt) throw new AppError('DELETED', 'That connection has been deleted.');
  }
}

async function applyOne(
  tx: Tx,
  mapId: string,
  userId: string,
  teamId: string | null,
  op: TSocialOp,
): Promise<void> {
  switch (op.type) {
    case 'addComment': {
      let target = { nodeId: op.nodeId, edgeId: op.edgeId };
      if (op.parentId) {
        const parent = await tx.comment.findFirst({
          where: { id: op.parentId, mapId, deletedAt: null },
          select: { parentId: true, nodeId: true, edgeId: true },
        });
        if (!parent) throw new AppError('NOT_FOUND', 'That thread does not exist on this map.');
        if (parent.parentId)
          throw new AppError('VALIDATION_FAILED', 'Reply to the thread’s first comment.');
        target = { nodeId: parent.nodeId, edgeId: parent.edgeId };
      }
      await liveNodeOrEdge(tx, mapId, target);
      await checkMentions(tx, mapId, op.mentions);
      try {
        await tx.comment.create({
          data: {
            id: op.id,
            mapId,
            ...target,
            parentId: op.parentId,
            authorId: userId,
            body: op.body,
            mentions: op.mentions,
          },
        });
      } catch (error) {
        if ((error as { code?: string }).code === 'P2002')
          throw new AppError('ID_TAKEN', 'That comment id is already used.');
        throw error;
      }
      return;
    }
    case 'editComment': {
      const comment = await ownComment(tx, mapId, userId, op.id);
      if (comment.version !== op.baseVersion)
        throw new AppError('STALE_VERSION', 'The comment changed in the meantime.');
      await checkMentions(tx, mapId, op.mentions);
      await tx.comment.update({
        where: { id: op.id },
        data: { body: op.body, mentions: op.mentions, version: { increment: 1 } },
      });
      return;
    }
    case 'deleteComment': {
      await ownComment(tx, mapId, userId, op.id);
      await tx.comment.update({
        where: { id: op.id },
        data: { deletedAt: new Date(), version: { increment: 1 } },
      });
      return;
    }
    case 'resolveThread': {
      const root = await tx.comment.findFirst({
        where: { id: op.id, mapId, deletedAt: null },
        select: { parentId: true },
      });
      if (!root) throw new AppError('NOT_FOUND', 'That thread does not exist on this map.');
      if (root.parentId)
        throw new AppError('VALIDATION_FAILED', 'Resolve the thread from its first comment.');
      await tx.comment.update({
        where: { id: op.id },
        data: {
          resolvedAt: op.resolved ? new Date() : null,
          resolvedById: op.resolved ? userId : null,
          version: { increment: 1 },
        },
      });
      return;
    }
    case 'upsertAnnotation': {
      const target = op.target;
      if (target.kind === 'NODE') await liveNodeOrEdge(tx, mapId, { nodeId: target.nodeId });
      if (target.kind === 'EDGE') await liveNodeOrEdge(tx, mapId, { edgeId: target.edgeId });
      if (target.kind === 'SOURCE') {
        const source = await tx.source.findFirst({
          where: { id: target.sourceId, mapId },
          select: { text: true },
        });
        if (!source) throw new AppError('NOT_FOUND', 'That source is not on this map.');
        if (source.text.slice(target.start, target.end) !== target.exact)
          throw new AppError('VALIDATION_FAILED', 'The passage does not match the source text.');
      }
      if (op.assigneeId) {
        const member = await tx.teamMember.findFirst({
          where: { teamId: op.teamId, userId: op.assigneeId },
          select: { id: true },
        });
        if (!member)
          throw new AppError('VALIDATION_FAILED', 'Assign claims to members of your own team.');
      }
      const existing = await tx.annotation.findUnique({
        where: { id: op.id },
        select: { mapId: true, teamId: true, deletedAt: true },
      });
      if (existing && (existing.mapId !== mapId || existing.teamId !== teamId))
        throw new AppError('NOT_FOUND', 'That note does not exist in your layer.');
      const data = {
        targetType: target.kind,
        nodeId: target.kind === 'NODE' ? target.nodeId : null,
        edgeId: target.kind === 'EDGE' ? target.edgeId : null,
        sourceId: target.kind === 'SOURCE' ? target.sourceId : null,
        quoteExact: target.kind === 'SOURCE' ? target.exact : null,
        quoteStart: target.kind === 'SOURCE' ? target.start : null,
        quoteEnd: target.kind === 'SOURCE' ? target.end : null,
        kind: op.kind,
        body: op.body,
        rating: op.kind === 'RATING' ? op.rating : null,
        tag: op.kind === 'TAG' ? op.tag : null,
        assigneeId: op.kind === 'ASSIGNMENT' ? op.assigneeId : null,
        deletedAt: null,
      };
      if (existing)
        await tx.annotation.update({
          where: { id: op.id },
          data: { ...data, authorId: userId, version: { increment: 1 } },
        });
      else
        await tx.annotation.create({
          data: { ...data, id: op.id, mapId, teamId: op.teamId, authorId: userId },
        });
      return;
    }
    case 'deleteAnnotation': {
      const existing = await tx.annotation.findUnique({
        where: { id: op.id },
        select: { mapId: true, teamId: true, deletedAt: true },
      });
      if (!existing || existing.mapId !== mapId || existing.teamId !== teamId || existing.deletedAt)
        throw new AppError('NOT_FOUND', 'That note does not exist in your layer.');
      await tx.annotation.update({
        where: { id: op.id },
        data: { deletedAt: new Date(), version: { increment: 1 } },
      });
      return;
    }
  }
}

async function ownComment(tx: Tx, mapId: string, userId: string, id: string) {
  const comment = await tx.comment.findFirst({
    where: { id, mapId, deletedAt: null },
    select: { authorId: true, version: true },
  });
  if (!comment) throw new AppError('NOT_FOUND', 'That comment does not exist on this map.');
  if (comment.authorId !== userId)
    throw new AppError('FORBIDDEN', 'You can only change your own comments.');
  return comment;
}
