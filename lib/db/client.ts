import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';

/**
 * A Prisma client over node-postgres. The same code path serves a real
 * PostgreSQL server and the embedded PGlite socket server.
 */
export function createPrismaClient(
  connectionString: string,
  options: { max?: number } = {},
  pool: pg.Pool = createPool(connectionString, options),
): PrismaClient {
  // $disconnect ends the pool, as it did when the adapter made its own.
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

/** A node-postgres pool whose connections a server cutting them cannot crash the process with. */
export function createPool(
  connectionString: string,
  options: { max?: number; options?: string } = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    // Settings for every session of the pool (`-c name=value`), if any.
    ...(options.options && { options: options.options }),
  });
  // A connection the server cuts (pg_terminate_backend, a restart) says so
  // as an 'error' event, also in the moments between the pool handing it
  // out and the adapter listening to it; unheard, that event would take the
  // whole process down. The query that was running fails on its own, and
  // the pool drops the connection.
  pool.on('connect', (client) => client.on('error', () => {}));
  pool.on('error', () => {});
  return pool;
}

export type { PrismaClient };
