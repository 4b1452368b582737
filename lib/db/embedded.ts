import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: PGlite (WASM),
 * served over its socket server on a free loopback port so that the app
 * speaks the same `pg` protocol to it as to a real server.
 *
 * PGlite is single-session: every socket connection shares it and a
 * transaction on one connection holds the others back. That is fine for one
 * app process on a laptop; it is why embedded mode is single-process.
 */

class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
};

/** How many client connections the socket server accepts (PGlite's default is 1). */
const MAX_CONNECTIONS = 32;

/**
 * Starts PGlite with its data in `dataDir` (or in memory when null) and a
 * socket server on 127.0.0.1 at `port` (0: any free port).
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string | null;
  port?: number;
}): Promise<EmbeddedDatabase> {
  let release: () => Promise<void> = async () => {};
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    release = await takeLock(options.dataDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(options.dataDir ? path.join(options.dataDir, 'pglite') : undefined);
  } catch (error) {
    await release();
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmbeddedDatabaseError(
      `the embedded database in ${options.dataDir} could not be opened (${reason}). ` +
        `Nothing was deleted. Move that folder aside to start with a fresh database, or set DATABASE_URL.`,
    );
  }
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: MAX_CONNECTIONS,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    await release();
    throw new EmbeddedDatabaseError(
      `the embedded database could not listen on 127.0.0.1 (${error instanceof Error ? error.message : error}).`,
    );
  }
  const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    stop: async () => {
      await server.stop();
      await db.close();
      await release();
    },
  };
}

/**
 * PGlite does not lock its data directory, and two processes writing it
 * would corrupt it, so we keep a pid file beside it. A stale file (its
 * process is gone) is taken over.
 */
async function takeLock(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'counterpoint.pid');
  const existing = await readFile(lockFile, 'utf8').catch(() => null);
  const pid = existing ? Number.parseInt(existing, 10) : NaN;
  if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
    throw new EmbeddedDatabaseError(
      `the embedded database in ${dataDir} is in use by another Counterpoint process (pid ${pid}). ` +
        `Stop that one first, or set COUNTERPOINT_DATA_DIR to another folder.`,
    );
  }
  try {
    await writeFile(lockFile, String(process.pid));
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `cannot write to ${dataDir} (${error instanceof Error ? error.message : error}). ` +
        `Check the folder's permissions, or set COUNTERPOINT_DATA_DIR to a writable folder.`,
    );
  }
  return async () => {
    await rm(lockFile, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
