import 'server-only';
import type { TSocialOp } from '../../domain/social';
import type { Prisma } from '../../generated/prisma/client';
import { AppError } from '../errors';
import { checkLiveTarget } from './check-live-target';

type Tx = Prisma.TransactionClient;
type AnnotationOp = Extract<TSocialOp, { type: 'upsertAnnotation' | 'deleteAnnotation' }>;

/**
 * Applies one team note op inside the batch's transaction, in the layer of
 * `teamId` (the writer's own team, checked by the caller): a note, rating,
 * tag or assignment on a node, connection or passage, or its deletion.
 */
export async function writeAnnotation(
  tx: Tx,
  mapId: string,
  userId: string,
  teamId: string | null,
  op: AnnotationOp,
): Promise<void> {
  switch (op.type) {
    case 'upsertAnnotation': {
      const target = op.target;
      if (target.kind === 'NODE') await checkLiveTarget(tx, mapId, { nodeId: target.nodeId });
      if (target.kind === 'EDGE') await checkLiveTarget(tx, mapId, { edgeId: target.edgeId });
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
