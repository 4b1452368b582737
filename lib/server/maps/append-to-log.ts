import 'server-only';
import { Prisma } from '../../generated/prisma/client';
import { db } from '../db';
import { AppError } from '../errors';
import { opsNotification, realtimeBus, type LoggedBatch } from '../realtime/bus';
import { checkpointAfterCommit } from './map-checkpoints';
import { stamp } from '../bench-trace';

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
  /**
   * Batches of their own logged right after this one, with the following
   * seqs, in the same transaction: a change and what it says to others
   * (an approved suggestion's cards, then the moderation batch) commit
   * together or not at all.
   */
  also?: Prisma.InputJsonValue[];
  value: T;
};

export type Appended<T> =
  | { seq: number; duplicate: false; value: T; batches: LoggedBatch[] }
  /** This actor already sent this key: nothing new happened; `op` is what was logged then. */
  | { seq: number; duplicate: true; op: Prisma.JsonValue };

/**
 * The one writer of the op log. In one transaction: takes the map's row lock
 * (serialising every writer of the map; FOR NO KEY UPDATE, the lock the
 * `lastSeq` update takes anyway, so rows that only refer to the map, such as
 * a member joining through a link, are not held up by a writer), answers a key this actor already
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
  const inTransaction = async (tx: Tx): Promise<Appended<T>> => {
    stamp('txStarted');
    // The lock and the key's earlier batch, if any, in one round trip.
    const sameActor =
      actorId === null ? Prisma.sql`o."actorId" IS NULL` : Prisma.sql`o."actorId" = ${actorId}`;
    const [locked] = await tx.$queryRaw<
      { lastSeq: number; priorSeq: number | null; priorOp: Prisma.JsonValue }[]
    >`
      SELECT m."lastSeq", o."seq" AS "priorSeq", o."op" AS "priorOp"
      FROM "ArgumentMap" m
      LEFT JOIN "MapOp" o
        ON o."mapId" = m."id" AND o."idempotencyKey" = ${idempotencyKey} AND ${sameActor}
      WHERE m."id" = ${mapId}
      FOR NO KEY UPDATE OF m`;
    if (!locked)
      throw new AppError('NOT_FOUND', 'This map does not exist, or you do not have access to it.');
    if (locked.priorSeq !== null)
      return { seq: locked.priorSeq, duplicate: true, op: locked.priorOp };
    stamp('locked');
    const entry = await work(tx);
    stamp('worked');
    const seq = locked.lastSeq + 1;
    const entries: LogEntry<unknown>[] = [
      entry,
      ...(entry.also ?? []).map((op) => ({ op, value: null })),
    ];
    const batches: LoggedBatch[] = [];
    const at = new Date().toISOString();
    for (const [i, each] of entries.entries()) {
      const batch = loggedBatch(seq + i, writer, each, i === 0);
      batches.push(batch);
      // Delivered by PostgreSQL at COMMIT, never for a rolled-back batch.
      const notification = opsNotification(mapId, batch);
      const notify = notification
        ? Prisma.sql`, pg_notify(${notification.channel}, ${notification.payload})`
        : Prisma.empty;
      // Log the batch, move lastSeq and notify: one statement. The client's
      // key goes with the first batch, the one it asked for.
      await tx.$executeRaw`
        WITH logged AS (
          INSERT INTO "MapOp" ("mapId", "seq", "actorId", "teamId", "op", "idempotencyKey", "createdAt")
          VALUES (${mapId}, ${batch.seq}, ${actorId}, ${each.teamId ?? null}, ${JSON.stringify(each.op)}::jsonb,
                  ${i === 0 ? idempotencyKey : null}, ${at}::timestamptz AT TIME ZONE 'UTC')
        )
        UPDATE "ArgumentMap" SET "lastSeq" = ${batch.seq}, "updatedAt" = ${at}::timestamptz AT TIME ZONE 'UTC'
        WHERE "id" = ${mapId}
        RETURNING "lastSeq"${notify}`;
    }
    if (entry.map) await tx.argumentMap.update({ where: { id: mapId }, data: entry.map });
    stamp('logged', seq);
    return { seq, duplicate: false, value: entry.value, batches };
  };
  const appended = await afterThisProcessWriters(mapId, () => {
    stamp('myTurn');
    return db().$transaction(inTransaction, options);
  });
  stamp('committed');
  // This process's streams get the batches themselves: nothing to read back.
  if (!appended.duplicate)
    for (const batch of appended.batches)
      realtimeBus().emitLocal({ type: 'ops', mapId, seq: batch.seq, batch });
  stamp('fannedOut');
  checkpointAfterCommit(mapId, appended.duplicate ? appended.seq : appended.batches.at(-1)!.seq);
  return appended;
}

/** A map's writers in this process: how many have a transaction, and who waits for one. */
type Gate = { running: number; waiting: (() => void)[] };
const globalForWriters = globalThis as unknown as { counterpointMapWriters?: Map<string, Gate> };

/**
 * How many of a map's writers in one process may have a transaction at
 * once: the one holding the map's row lock, and the next, already waiting
 * for it (its BEGIN and its lock request overlap the first one's commit).
 */
const TRANSACTIONS_PER_MAP = 2;

/**
 * How long a writer waits for its turn before it is answered 503
 * UNAVAILABLE (the editor sends it again with the same idempotency key):
 * as long as the pool's wait for a connection, which this wait replaces, so
 * a map that stops answering cannot hold requests for ever.
 */
const TURN_WAIT_MS = 10_000;

/**
 * Runs `write` once fewer than TRANSACTIONS_PER_MAP of this process's
 * writers of the map are in a transaction, in arrival order. The map's row
 * lock serialises them anyway; waiting here, rather than inside a
 * transaction, keeps the waiters from holding the pool's connections while
 * they queue for the lock. Without it, one busy map (a class of twenty
 * editing at once, or a writer that stalls) filled the pool with
 * transactions waiting for its row, and every other query of the process
 * (a request's session check, authorizing, other maps' edits, opening
 * streams) waited for a connection behind them, or failed after the
 * pool's 10 s. Other processes still meet at the row lock.
 */
async function afterThisProcessWriters<R>(mapId: string, write: () => Promise<R>): Promise<R> {
  const gates = (globalForWriters.counterpointMapWriters ??= new Map());
  let gate = gates.get(mapId);
  if (!gate) gates.set(mapId, (gate = { running: 0, waiting: [] }));
  // A place is handed on by the writer that leaves it (below), never counted twice.
  if (gate.running < TRANSACTIONS_PER_MAP) gate.running++;
  else await turnOf(gate);
  try {
    return await write();
  } finally {
    const next = gate.waiting.shift();
    if (next) next();
    else if (--gate.running === 0 && gates.get(mapId) === gate) gates.delete(mapId);
  }
}

/** Resolves when a leaving writer hands this one its place; refuses after TURN_WAIT_MS. */
function turnOf(gate: Gate): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const admit = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      // Out of the queue before anyone hands it a place: nothing to give back.
      gate.waiting.splice(gate.waiting.indexOf(admit), 1);
      reject(
        new AppError(
          'UNAVAILABLE',
          'This map is very busy right now: the change is not saved yet. Try again in a moment.',
        ),
      );
    }, TURN_WAIT_MS);
    gate.waiting.push(admit);
  });
}

/** The batch as streams carry it: the logged body without the inverse, which only undo and history read. */
function loggedBatch(
  seq: number,
  writer: LogWriter,
  entry: LogEntry<unknown>,
  keyed: boolean,
): LoggedBatch {
  const {
    inverse: _inverse,
    intent: _intent,
    ...body
  } = entry.op as LoggedBatch['body'] & { inverse?: unknown; intent?: unknown };
  return {
    seq,
    actorId: writer.actorId,
    key: keyed ? (writer.idempotencyKey ?? null) : null,
    teamId: entry.teamId ?? null,
    body: { ...body, ...entry.live },
  };
}
