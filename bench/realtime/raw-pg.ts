/**
 * The floor under the app's figures: the op route's transaction written
 * by hand with node-postgres, one statement per step of appendToLog and
 * an O(1) node update (lock the map row, check the actor's idempotency key,
 * update the node, insert the MapOp row, bump lastSeq, pg_notify, COMMIT),
 * on a pool as large as the app's (10). A LISTEN connection times each
 * notification: send → notified is the floor of the app's POST → reader.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { drive, type Sent } from './drive';
import type { BenchMap } from './fixtures';
import { sleep, summarise, type Summary } from './stats';

const CHANNEL = 'counterpoint_bench_raw';

export type RawSession = {
  send: (loop: number, tick: number) => Promise<Sent>;
  /** When each seq's COMMIT was acknowledged. */
  committedAt: Map<number, number>;
  notifiedAt: Map<number, number>;
  close: () => Promise<void>;
};

export async function rawSession(databaseUrl: string, map: BenchMap, actorId: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  pool.on('error', () => {});
  const listener = new pg.Client({ connectionString: databaseUrl });
  await listener.connect();
  const notifiedAt = new Map<number, number>();
  listener.on('notification', (message) => {
    const seq = Number(message.payload?.split(':')[1]);
    if (!notifiedAt.has(seq)) notifiedAt.set(seq, performance.now());
  });
  await listener.query(`LISTEN ${CHANNEL}`);
  const committedAt = new Map<number, number>();

  const send = async (loop: number, tick: number): Promise<Sent> => {
    const id = map.nodeIds[(loop + tick) % map.nodeIds.length]!;
    const key = randomUUID();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const locked = await client.query<{ lastSeq: number }>(
        `SELECT "lastSeq" FROM "ArgumentMap" WHERE id = $1 FOR UPDATE`,
        [map.id],
      );
      const prior = await client.query(
        `SELECT seq, op FROM "MapOp" WHERE "mapId" = $1 AND "actorId" = $2 AND "idempotencyKey" = $3 LIMIT 1`,
        [map.id, actorId, key],
      );
      if (prior.rowCount) throw new Error('a fresh key was already used');
      const x = loop * 10 + tick;
      const moved = await client.query<{ x: number; y: number }>(
        `UPDATE "Node" AS n SET x = $3, y = $4, "updatedAt" = now()
         FROM (SELECT x, y FROM "Node" WHERE id = $1 AND "mapId" = $2 AND "deletedAt" IS NULL FOR UPDATE) AS old
         WHERE n.id = $1 RETURNING old.x, old.y`,
        [id, map.id, x, tick],
      );
      if (!moved.rowCount) throw new Error(`node ${id} is not on the map`);
      const seq = locked.rows[0]!.lastSeq + 1;
      const op = {
        ops: [{ type: 'moveNodes', moves: [{ id, x, y: tick }] }],
        inverse: [{ type: 'moveNodes', moves: [{ id, ...moved.rows[0] }] }],
        intent: 'do',
      };
      await client.query(
        `INSERT INTO "MapOp" ("mapId", seq, "actorId", op, "idempotencyKey") VALUES ($1, $2, $3, $4, $5)`,
        [map.id, seq, actorId, op, key],
      );
      await client.query(
        `UPDATE "ArgumentMap" SET "lastSeq" = $2, "updatedAt" = now() WHERE id = $1`,
        [map.id, seq],
      );
      await client.query(`SELECT pg_notify($1, $2)`, [CHANNEL, `${map.id}:${seq}`]);
      await client.query('COMMIT');
      committedAt.set(seq, performance.now());
      return { key: seq };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    send,
    committedAt,
    notifiedAt,
    close: async () => {
      await listener.end().catch(() => {});
      await pool.end().catch(() => {});
    },
  } satisfies RawSession;
}

export type RawAtRate = {
  offered: number;
  committed: number;
  committedPerSecond: number;
  /** BEGIN sent → COMMIT acknowledged. */
  transaction: Summary;
  /** BEGIN sent → notification at the LISTEN connection (the floor of POST → reader). */
  notified: Summary;
  /** COMMIT acknowledged → notification (negative: the notification came first). */
  commitToNotified: Summary;
  missingNotifications: number;
};

/** The transaction at a fixed offered rate, like the app's editors. */
export async function rawAtRate(
  session: RawSession,
  options: { loops: number; rate: number; seconds: number },
): Promise<RawAtRate> {
  const load = await drive({ ...options, send: session.send });
  await sleep(500);
  const notified: number[] = [];
  const commitToNotified: number[] = [];
  let missing = 0;
  for (const [seq, sent] of load.sentAt as Map<number, number>) {
    const at = session.notifiedAt.get(seq);
    if (at === undefined) {
      missing++;
      continue;
    }
    notified.push(at - sent);
    commitToNotified.push(at - session.committedAt.get(seq)!);
  }
  return {
    offered: load.offered,
    committed: load.sentAt.size,
    committedPerSecond: load.sentAt.size / options.seconds,
    transaction: summarise(load.answerLatencies),
    notified: summarise(notified),
    commitToNotified: summarise(commitToNotified),
    missingNotifications: missing,
  };
}

/** As fast as the pool allows: `workers` closed loops, each sending its next edit when the last is answered. */
export async function rawFullSpeed(
  session: RawSession,
  options: { workers: number; seconds: number },
): Promise<{ committedPerSecond: number; transaction: Summary }> {
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.workers }, async (_, w) => {
      for (let tick = 0; performance.now() < end; tick++) {
        const sent = performance.now();
        await session.send(w, tick);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return {
    committedPerSecond: latencies.length / ((performance.now() - start) / 1000),
    transaction: summarise(latencies),
  };
}
