/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
import path from 'node:path';
import { startEmbeddedDatabase } from '../lib/db/embedded';
import { migrate } from '../lib/db/migrate';
import { LauncherEnv, parseEnv } from '../lib/env';

const say = (line: string) => console.log(`counterpoint: ${line}`);

async function main() {
  const env = parseEnv(LauncherEnv);
  const embedded = env.DATABASE_URL
    ? null
    : await startEmbeddedDatabase({
        dataDir: path.resolve(import.meta.dirname, '..', env.COUNTERPOINT_DATA_DIR),
      });
  try {
    const result = await migrate(env.DATABASE_URL ?? embedded!.url, { log: say });
    say(
      result.applied.length
        ? `${result.applied.length} migration(s) applied`
        : 'the database is up to date',
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`counterpoint: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
