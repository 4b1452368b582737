import 'server-only';
import {
  INTENTS,
  rebuildHistory,
  type HistoryEntry,
  type Intent,
  type LoggedBatch,
} from '../../domain/history';
import type { TOp } from '../../domain/ops';
import { db } from '../db';

/** How many of a user's latest batches on a map are replayed to rebuild their undo history. */
const HISTORY_DEPTH = 200;

/**
 * A user's latest batches on a map, oldest first: what their undo history is
 * rebuilt from. `socialOnly` reads only comment and note batches (filtered
 * in the database: graph batches can be large, a 1,000-node layout's moves).
 * Practice rounds have no undo here: their batches (a flow is typed fast and
 * long) are left out in the database, so they never push a person's map
 * edits out of the history.
 */
export async function ownLatestBatches(
  mapId: string,
  userId: string,
  socialOnly = false,
): Promise<{ seq: number; op: unknown; createdAt: Date; teamId: string | null }[]> {
  if (!socialOnly) {
    const rows = await db().$queryRaw<
      { seq: number; op: unknown; createdAt: Date; teamId: string | null }[]
    >`
      SELECT "seq", "op", "createdAt", "teamId" FROM "MapOp"
      WHERE "mapId" = ${mapId} AND "actorId" = ${userId}
        AND COALESCE("op"->>'kind', '') NOT IN ('round', 'source', 'vote', 'moderation')
      ORDER BY "seq" DESC
      LIMIT ${HISTORY_DEPTH}`;
    return rows.reverse();
  }
  const rows = await db().mapOp.findMany({
    where: {
      mapId,
      actorId: userId,
      op: { path: ['kind'], equals: 'social' },
    },
    orderBy: { seq: 'desc' },
    take: HISTORY_DEPTH,
    select: { seq: true, op: true, createdAt: true, teamId: true },
  });
  return rows.reverse();
}

/**
 * A user's undo and redo stacks on one map, rebuilt from their own batches
 * in the op log, so that undo keeps working after a reload. Callers have
 * already authorized reading the map; only the user's own batches are read.
 */
export async function getUndoHistory(
  mapId: string,
  userId: string,
): Promise<{ undo: HistoryEntry[]; redo: HistoryEntry[] }> {
  const batches: LoggedBatch[] = (await ownLatestBatches(mapId, userId)).flatMap((row) => {
    const body = row.op as { kind?: string; inverse?: TOp[]; intent?: Intent } | null;
    // Comments and notes have their own history (getSocialHistory), rounds none; batches
    // logged before inverses were recorded cannot be undone after a reload.
    if (
      !body ||
      body.kind !== undefined ||
      !Array.isArray(body.inverse) ||
      !INTENTS.includes(body.intent as Intent)
    )
      return [];
    return [
      {
        key: `log-${row.seq}`,
        intent: body.intent as Intent,
        inverse: body.inverse,
        // Where the step stands in the log (its order, not its clock).
        seq: row.seq,
      },
    ];
  });
  return rebuildHistory(batches);
}
