import 'server-only';
import type { Pool } from 'pg';
import { createPool, createPrismaClient, type PrismaClient } from '../db/client';
import { parseEnv, ServerEnv } from '../env';

/**
 * The one Prisma client of this server process, created on first use (so
 * that `next build` needs no database) and kept across hot reloads in dev.
 */
const globalForPrisma = globalThis as unknown as {
  counterpointPrisma?: PrismaClient;
  counterpointCountersPool?: Pool;
};

export function db(): PrismaClient {
  if (!globalForPrisma.counterpointPrisma) {
    const env = parseEnv(ServerEnv);
    // PGlite serves every connection from one session, and its socket server
    // can interleave the extended-protocol messages of concurrent connections
    // (electric-sql/pglite#1046: "unnamed prepared statement does not
    // exist"). On the embedded database the app therefore talks through a
    // single connection; queries queue in the pool instead of interleaving.
    const pool = createPool(
      env.DATABASE_URL,
      env.COUNTERPOINT_DB_MODE === 'embedded' ? { max: 1 } : {},
    );
    globalForPrisma.counterpointPrisma = createPrismaClient(env.DATABASE_URL, {}, pool);
  }
  return globalForPrisma.counterpointPrisma;
}

/**
 * A small pool of its own for the one store that speaks SQL itself, the
 * rate limits' counters (lib/server/rate-limits.ts), whose sessions commit
 * without waiting for the write-ahead log to reach the disk
 * (`synchronous_commit=off`). A counter is worth nothing after a crash, and
 * waiting for the disk doubled the disk flushes of every edit: on a server
 * whose disk syncs slowly, the edits of one map (which commit one after
 * another) were held up by the counters' flushes in between. The edits
 * themselves stay durable: they go through `db()`.
 */
export function countersPool(): Pool {
  if (!globalForPrisma.counterpointCountersPool)
    globalForPrisma.counterpointCountersPool = createCountersPool(parseEnv(ServerEnv).DATABASE_URL);
  return globalForPrisma.counterpointCountersPool;
}

/**
 * The counters' pool for a database URL: the setting holds even when the
 * URL has `options` of its own (which would otherwise replace it).
 * @internal exported for tests/integration/rate-limits.test.ts
 */
export const createCountersPool = (databaseUrl: string): Pool =>
  createPool(databaseUrl, { max: 4, settings: { synchronous_commit: 'off' } });
