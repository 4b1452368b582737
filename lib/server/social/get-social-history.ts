import 'server-only';
import { INTENTS, rebuildHistory, type Intent, type LoggedBatch } from '../../domain/history';
import type { SocialHistoryEntry, TSocialOpInput } from '../../domain/social';
import { ownLatestBatches } from '../maps/get-undo-history';

/**
 * A user's undo and redo steps of comments and notes on one map, rebuilt
 * from their own social batches in the op log (each logged with its inverse
 * and intent), so that undo keeps working after a reload. A batch that
 * cannot be undone (deleting a comment) is no step, as in the browser.
 */
export async function getSocialHistory(
  mapId: string,
  userId: string,
): Promise<{ undo: SocialHistoryEntry[]; redo: SocialHistoryEntry[] }> {
  const batches: LoggedBatch<TSocialOpInput>[] = (
    await ownLatestBatches(mapId, userId, true)
  ).flatMap((row) => {
    const body = row.op as {
      kind?: string;
      inverse?: TSocialOpInput[] | null;
      intent?: Intent;
    } | null;
    // Batches logged before inverses were recorded have no intent: they are not steps.
    if (
      body?.kind !== 'social' ||
      (body.inverse !== null && !Array.isArray(body.inverse)) ||
      !INTENTS.includes(body.intent as Intent)
    )
      return [];
    return [
      {
        key: `log-${row.seq}`,
        intent: body.intent as Intent,
        inverse: body.inverse ?? null,
        at: row.createdAt.getTime(),
        seq: row.seq,
      },
    ];
  });
  return rebuildHistory(batches);
}
