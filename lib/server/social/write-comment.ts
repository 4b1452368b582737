import 'server-only';
import type { Intent } from '../../domain/history';
import type { TSocialOp } from '../../domain/social';
import type { Prisma } from '../../generated/prisma/client';
import { AppError } from '../errors';
import { listMapPeople } from '../maps/list-map-people';
import { checkLiveTarget } from './check-live-target';

type Tx = Prisma.TransactionClient;
type CommentOp = Exclude<TSocialOp, { type: 'upsertAnnotation' | 'deleteAnnotation' }>;

/**
 * A comment readers still see: live, or deleted while replies to it remain
 * (shown as "Comment deleted" above them, and still a thread to reply to).
 */
export const SHOWN_COMMENT = {
  OR: [{ deletedAt: null }, { replies: { some: { deletedAt: null } } }],
} satisfies Prisma.CommentWhereInput;

/**
 * Applies one comment op inside the batch's transaction: a comment or reply,
 * an edit, deletion or restoring of one's own comment, or resolving a
 * thread. `intent` is why the batch was sent: an undo never removes a
 * comment someone has replied to.
 */
export async function writeComment(
  tx: Tx,
  mapId: string,
  userId: string,
  op: CommentOp,
  intent: Intent = 'do',
): Promise<void> {
  switch (op.type) {
    case 'addComment': {
      let target = { nodeId: op.nodeId, edgeId: op.edgeId };
      if (op.parentId) {
        const parent = await tx.comment.findFirst({
          where: { id: op.parentId, mapId, ...SHOWN_COMMENT },
          select: { parentId: true, nodeId: true, edgeId: true },
        });
        if (!parent) throw new AppError('NOT_FOUND', 'That thread does not exist on this map.');
        if (parent.parentId)
          throw new AppError('VALIDATION_FAILED', 'Reply to the thread’s first comment.');
        target = { nodeId: parent.nodeId, edgeId: parent.edgeId };
      }
      await checkLiveTarget(tx, mapId, target);
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
      // Undo takes back one's own step, never a classmate's words: deleting a
      // comment with replies is a choice made with Delete, which leaves the
      // replies under "Comment deleted".
      if (intent === 'undo' && (await hasLiveReplies(tx, op.id)))
        throw new AppError(
          'CONFLICT',
          'Your comment has replies now, so Undo leaves it in place. Use Delete if you want it gone: the replies stay.',
        );
      // Deleting and restoring leave the version alone: neither changes the
      // text ("edited" would be wrong), and an undo of an earlier edit still fits.
      await tx.comment.update({ where: { id: op.id }, data: { deletedAt: new Date() } });
      return;
    }
    case 'restoreComment': {
      const comment = await tx.comment.findFirst({
        where: { id: op.id, mapId },
        select: { authorId: true, deletedAt: true, nodeId: true, edgeId: true },
      });
      if (!comment) throw new AppError('NOT_FOUND', 'That comment does not exist on this map.');
      if (comment.authorId !== userId)
        throw new AppError('FORBIDDEN', 'You can only change your own comments.');
      if (!comment.deletedAt) return; // already back
      if (comment.nodeId || comment.edgeId)
        await checkLiveTarget(tx, mapId, { nodeId: comment.nodeId, edgeId: comment.edgeId });
      await tx.comment.update({ where: { id: op.id }, data: { deletedAt: null } });
      return;
    }
    case 'resolveThread': {
      const root = await tx.comment.findFirst({
        where: { id: op.id, mapId, ...SHOWN_COMMENT },
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
  }
}

/** Only people who can read the map can be mentioned (a mention must not reach a stranger). */
async function checkMentions(tx: Tx, mapId: string, mentions: string[]): Promise<void> {
  if (mentions.length === 0) return;
  const people = new Set((await listMapPeople(mapId, tx)).map((p) => p.id));
  if (mentions.some((id) => !people.has(id)))
    throw new AppError('VALIDATION_FAILED', 'You can only mention people who are on this map.');
}

async function hasLiveReplies(tx: Tx, id: string): Promise<boolean> {
  return (await tx.comment.count({ where: { parentId: id, deletedAt: null } })) > 0;
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
