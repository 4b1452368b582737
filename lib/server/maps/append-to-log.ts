import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { db } from '../db';
import { AppError } from '../errors';
import { notifyOpsInTransaction, realtimeBus, type LoggedBatch } from '../realtime/bus';
import { checkpointAfterCommit } from './map-checkpoints';

type Tx = Prisma.TransactionClient;

/** Who appends, to which map, and the client's key for this submission (scoped to the actor). */
export type LogWriter = {
  mapId: string;
  actorId: string | null;
  idempotencyKey?: string | null;
};

/** What the work inside the transaction logs: the batch as JSON, its team if private, and map columns to set with the new seq. */
export type LogEntry<T> = {
  op: Prisma.InputJsonValue;
  teamId?: string | null;
  map?: Omit<Prisma.ArgumentMapUpdateInput, 'lastSeq'>;
  /** Carried to open streams with the batch but not logged (what a social batch changed, as readers see it). */
  live?: Record<string, unknown>;
  value: T;
};

export type Appended<T> =
  | { seq: number; duplicate: false; value: T; batch: LoggedBatch }
  /** This actor already sent this key: nothing new happened; `op` is what was logged then. */
  | { seq: number; duplicate: true; op: Prisma.JsonValue };

/**
 * The one writer of the op log. In one transaction: takes the map's row lock
 * (serialising every writer of the map), answers a key this actor already
 * used with the batch it logged, runs `work` (which applies the batch and
 * says what to log), appends it with the next seq (gap-free), moves
 * `lastSeq`, and notifies other processes at COMMIT. After COMMIT, this
 * process's streams hear of it at once.
 */
export async function appendToLog<T>(
  writer: LogWriter,
  work: (tx: Tx) => Promise<LogEntry<T>>,
  options: { timeout?: number; maxWait?: number } = {},
): Promise<Appended<T>> {
  const { mapId, actorId } = writer;
  const idempotencyKey = writer.idempotencyKey ?? null;
  const appended = await db().$transaction(async (tx): Promise<Appended<T>> => {
    const [locked] = await tx.$queryRaw<{ lastSeq: number }[]>`
      SELECT "lastSeq" FROM "ArgumentMap" WHERE id = ${mapId} FOR UPDATE`;
    if (!locked)
      throw new AppError('NOT_FOUND', 'This map does not exist, or you do not have access to it.');
    if (idempotencyKey) {
      const prior = await tx.mapOp.findFirst({
        where: { mapId, actorId, idempotencyKey },
        select: { seq: true, op: true },
      });
      if (prior) return { seq: prior.seq, duplicate: true, op: prior.op };
    }
    const entry = await work(tx);
    const seq = locked.lastSeq + 1;
    await tx.mapOp.create({
      data: { mapId, seq, actorId, teamId: entry.teamId ?? null, op: entry.op, idempotencyKey },
    });
    await tx.argumentMap.update({ where: { id: mapId }, data: { ...entry.map, lastSeq: seq } });
    const batch = loggedBatch(seq, writer, entry);
    // Delivered by PostgreSQL at COMMIT, never for a rolled-back batch.
    await notifyOpsInTransaction(tx, mapId, batch);
    return { seq, duplicate: false, value: entry.value, batch };
  }, options);
  // This process's streams get the batch itself: nothing to read back.
  if (!appended.duplicate)
    realtimeBus().emitLocal({ type: 'ops', mapId, seq: appended.seq, batch: appended.batch });
  checkpointAfterCommit(mapId, appended.seq);
  return appended;
}

/** The batch as streams carry it: the logged body without the inverse, which only undo and history read. */
function loggedBatch(seq: number, writer: LogWriter, entry: LogEntry<unknown>): LoggedBatch {
  const {
    inverse: _inverse,
    intent: _intent,
    ...body
  } = entry.op as LoggedBatch['body'] & { inverse?: unknown; intent?: unknown };
  return {
    seq,
    actorId: writer.actorId,
    key: writer.idempotencyKey ?? null,
    teamId: entry.teamId ?? null,
    body: { ...body, ...entry.live },
  };
}
