import 'server-only';
import { marksOutOfRange, normalizeMarks, type CardMarks } from '../../domain/evidence/card';
import type { TSocialOp } from '../../domain/social';
import { Prisma } from '../../generated/prisma/client';
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
      const marks =
        op.kind === 'CUT' && op.target.kind === 'NODE'
          ? await checkedCut(tx, mapId, op.teamId, op.id, op.target.nodeId, op.marks!)
          : null;
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
        marks: marks ?? Prisma.DbNull,
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

/**
 * A team's own cut of a card: the node must be evidence quoting a passage,
 * the marks must lie in that passage (stored sorted and merged), and a team
 * keeps one cut per card: a second one under another id is refused, so two
 * teammates starting a cut at once do not end up with two.
 */
async function checkedCut(
  tx: Tx,
  mapId: string,
  teamId: string,
  id: string,
  nodeId: string,
  marks: CardMarks,
): Promise<CardMarks> {
  const node = await tx.node.findFirst({
    where: { id: nodeId, mapId },
    select: { kind: true, anchorExact: true },
  });
  if (!node || node.kind !== 'EVIDENCE' || node.anchorExact === null)
    throw new AppError('VALIDATION_FAILED', 'Only evidence that quotes a source can be cut.');
  const outside = marksOutOfRange(marks, node.anchorExact.length);
  if (outside) throw new AppError('VALIDATION_FAILED', `${outside}.`);
  const other = await tx.annotation.findFirst({
    where: { mapId, teamId, nodeId, kind: 'CUT', deletedAt: null, id: { not: id } },
    select: { id: true },
  });
  if (other)
    throw new AppError(
      'CONFLICT',
      'Your team already has its own cut of this card: reload to see it.',
    );
  return normalizeMarks(marks, node.anchorExact.length);
}
