import 'server-only';
import { INTENTS, rebuildHistory, type Intent, type LoggedBatch } from '../../domain/history';
import {
  areaOf,
  SOCIAL_AREAS,
  type SocialArea,
  type SocialHistory,
  type TSocialOpInput,
} from '../../domain/social';
import { db } from '../db';
import { ownLatestBatches } from '../maps/get-undo-history';

/**
 * A user's undo and redo steps of comments and of notes on one map, rebuilt
 * from their own social batches in the op log (each logged with its inverse
 * and intent), so that undo keeps working after a reload. Comments and notes
 * are undone where they are written, so each has its own stacks, rebuilt
 * from its own batches: a new note does not clear the comments' redo. Notes
 * written in the layer of a team the user has since left stay with that
 * team and out of their steps (`teamId` is the team they are on now).
 */
export async function getSocialHistory(
  mapId: string,
  userId: string,
  teamId: string | null,
): Promise<Record<SocialArea, SocialHistory>> {
  const batches: (LoggedBatch<TSocialOpInput> & { area: SocialArea })[] = (
    await ownLatestBatches(mapId, userId, true)
  ).flatMap((row) => {
    if (row.teamId !== null && row.teamId !== teamId) return [];
    const body = row.op as {
      kind?: string;
      ops?: TSocialOpInput[];
      inverse?: TSocialOpInput[] | null;
      intent?: Intent;
    } | null;
    // Batches logged before inverses were recorded have no intent: they are not steps.
    if (
      body?.kind !== 'social' ||
      !Array.isArray(body.ops) ||
      (body.inverse !== null && !Array.isArray(body.inverse)) ||
      !INTENTS.includes(body.intent as Intent)
    )
      return [];
    return [
      {
        key: `log-${row.seq}`,
        area: areaOf(body.ops),
        intent: body.intent as Intent,
        inverse: body.inverse ?? null,
        at: row.createdAt.getTime(),
        seq: row.seq,
      },
    ];
  });
  const [comments, notes] = SOCIAL_AREAS.map((area) =>
    rebuildHistory(batches.filter((b) => b.area === area)),
  );
  return { comments: await withoutRefusedUndos(comments!), notes: notes! };
}

/**
 * An undo that would remove a comment someone has since replied to is
 * refused (write-comment.ts), and the page drops that step: so does the
 * rebuilt history, or it would come back with every reload.
 */
async function withoutRefusedUndos(history: SocialHistory): Promise<SocialHistory> {
  const removes = history.undo.flatMap((step) =>
    step.ops.flatMap((op) => (op.type === 'deleteComment' ? [op.id] : [])),
  );
  if (removes.length === 0) return history;
  const replied = new Set(
    (
      await db().comment.findMany({
        where: { parentId: { in: removes }, deletedAt: null },
        select: { parentId: true },
      })
    ).map((c) => c.parentId),
  );
  return {
    undo: history.undo.filter(
      (step) => !step.ops.some((op) => op.type === 'deleteComment' && replied.has(op.id)),
    ),
    redo: history.redo,
  };
}
