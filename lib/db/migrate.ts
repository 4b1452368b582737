import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

/**
 * Applies prisma/migrations the way `prisma migrate deploy` does, without
 * Prisma's native schema engine (which cannot be downloaded on our machines).
 *
 * Invariants:
 * - Bookkeeping is Prisma's own `_prisma_migrations` table, filled as Prisma
 *   fills it (id, checksum = SHA-256 of migration.sql, timestamps, one step),
 *   so `prisma migrate deploy` and this runner can take turns on a database.
 * - Each migration runs in its own transaction together with its bookkeeping
 *   row: it is applied whole or not at all.
 * - Prisma's advisory lock key is held for the whole run, so two processes
 *   starting at once (or this runner and Prisma) never both apply.
 * - A migration whose file changed after it was applied is refused.
 */

/** Prisma Migrate's advisory lock key (schema-engine: ADVISORY_LOCK_TIMEOUT docs). */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** @internal Exported for the migrator's integration test. */
export const DEFAULT_MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

/** @internal Exported for the migrator's integration test. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** @internal Exported for the migrator's integration test. */
export type MigrationFile = { name: string; sql: string; checksum: string };

export type MigrateResult = { applied: string[]; alreadyApplied: string[] };

const CREATE_BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** @internal Exported for the migrator's integration test. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** Reads the migration folders in the order Prisma applies them (by name).
 * @internal Exported for the migrator's integration test.
 */
export async function readMigrations(
  dir: string = DEFAULT_MIGRATIONS_DIR,
): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name, 'migration.sql');
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    if (!exists) continue;
    const sql = await readFile(file, 'utf8');
    migrations.push({ name, sql, checksum: checksumOf(sql) });
  }
  return migrations;
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/**
 * Applies every pending migration in `dir` to the database at
 * `connectionString`. Throws MigrationError, leaving the database as it was
 * before the failing migration, when a migration fails or was tampered with.
 */
export async function migrate(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
    try {
      return await applyPending(client, migrations, log);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`);
    }
  } finally {
    await client.end();
  }
}

async function applyPending(
  client: pg.Client,
  migrations: MigrationFile[],
  log: (line: string) => void,
): Promise<MigrateResult> {
  await client.query(CREATE_BOOKKEEPING);
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  const failed = rows.find((r) => r.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `migration ${failed.migration_name} failed earlier and is marked unfinished in _prisma_migrations; ` +
        `repair the database, then mark it rolled back (prisma migrate resolve --rolled-back ${failed.migration_name}).`,
    );
  }
  const applied = new Map(rows.map((r) => [r.migration_name, r]));
  const known = new Set(migrations.map((m) => m.name));
  for (const name of applied.keys()) {
    if (!known.has(name))
      log(
        `warning: migration ${name} is applied in the database but missing from prisma/migrations`,
      );
  }

  const result: MigrateResult = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    const row = applied.get(migration.name);
    if (row) {
      if (row.checksum !== migration.checksum) {
        throw new MigrationError(
          `migration ${migration.name} was changed after it was applied (checksum differs). ` +
            `Restore its original migration.sql and put the change in a new migration.`,
        );
      }
      result.alreadyApplied.push(migration.name);
      continue;
    }
    const startedAt = new Date();
    // Every statement here is one simple-protocol query (values escaped in
    // place, no parameters): PGlite serves all connections from one session,
    // and the several messages of a parameterised query from two migrators
    // could interleave there ("unnamed prepared statement does not exist").
    await client.query('BEGIN');
    try {
      // Checked again under a transaction-scoped lock: on PGlite every
      // connection shares one session, where the session lock above is
      // re-entrant and so does not keep a second runner out.
      await client.query(`SELECT pg_advisory_xact_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
      const again = await client.query<{ checksum: string }>(
        `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = ${client.escapeLiteral(migration.name)} AND rolled_back_at IS NULL`,
      );
      if (again.rows.length > 0) {
        await client.query('COMMIT');
        result.alreadyApplied.push(migration.name);
        continue;
      }
      await client.query(migration.sql);
      const lit = (value: string) => client.escapeLiteral(value);
      await client.query(
        `INSERT INTO "_prisma_migrations"
           (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES (${lit(randomUUID())}, ${lit(migration.checksum)}, now(), ${lit(migration.name)},
                 NULL, NULL, ${lit(startedAt.toISOString())}, 1)`,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      const message = error instanceof Error ? error.message : String(error);
      throw new MigrationError(
        `migration ${migration.name} failed and was rolled back: ${message}`,
      );
    }
    log(`applied migration ${migration.name}`);
    result.applied.push(migration.name);
  }
  return result;
}
