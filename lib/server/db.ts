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
  counterpointPool?: Pool;
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
    globalForPrisma.counterpointPool = pool;
    globalForPrisma.counterpointPrisma = createPrismaClient(env.DATABASE_URL, {}, pool);
  }
  return globalForPrisma.counterpointPrisma;
}

/** The node-postgres pool under `db()`, for the one store that speaks SQL itself (lib/server/rate-limits.ts). */
export function dbPool(): Pool {
  db();
  return globalForPrisma.counterpointPool!;
}
