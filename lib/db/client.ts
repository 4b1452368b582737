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

/**
 * A node-postgres pool whose connections a server cutting them cannot crash
 * the process with. `settings`: run-time parameters for every session of
 * the pool (`synchronous_commit: 'off'`), which win over the same ones in
 * the URL's own `options`.
 */
export function createPool(
  connectionString: string,
  options: { max?: number; settings?: Record<string, string> } = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.settings
      ? withSettings(connectionString, options.settings)
      : connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
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

/**
 * The connection string with `settings` added to its `options` parameter
 * (`-c name=value`, sent when each session starts). node-postgres lets a
 * URL's `options` replace an `options` given beside it, so they go into the
 * URL, after any it has: the server applies them in order, so ours win.
 */
function withSettings(connectionString: string, settings: Record<string, string>): string {
  const url = new URL(connectionString);
  const ours = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`);
  const theirs = url.searchParams.get('options');
  url.searchParams.set('options', [...(theirs ? [theirs] : []), ...ours].join(' '));
  return url.toString();
}

export type { PrismaClient };
