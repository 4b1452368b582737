import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { startEmbeddedDatabase } from '../../lib/db/embedded';
import { adminQuery, withDatabase } from './global-setup';

/**
 * An empty database of the same kind as the run's (a new database on the
 * same PostgreSQL server, or a new in-memory PGlite), dropped after `use`.
 */
export async function withScratchDatabase<T>(use: (url: string) => Promise<T>): Promise<T> {
  if (inject('databaseKind') === 'postgres') {
    const serverUrl = inject('databaseUrl');
    const name = `counterpoint_scratch_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    try {
      return await use(withDatabase(serverUrl, name));
    } finally {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }
  const embedded = await startEmbeddedDatabase({ dataDir: null });
  try {
    return await use(embedded.url);
  } finally {
    await embedded.stop();
  }
}
