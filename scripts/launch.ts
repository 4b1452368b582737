/**
 * `npm run dev` / `npm start`: gets a database ready, then runs Next.
 *
 * Without DATABASE_URL it starts the embedded PostgreSQL (PGlite over its
 * socket server, data in .data/), so the app always speaks the pg protocol.
 * Either way it applies pending migrations and seeds the demo debate once
 * before Next starts. Start-up failures are one readable line, never a stack
 * trace (COUNTERPOINT_DEBUG=1 shows it), and nothing is deleted.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkConnection } from '../lib/db/check-connection';
import { createPrismaClient } from '../lib/db/client';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../lib/db/embedded';
import { migrate } from '../lib/db/migrate';
import { LauncherEnv, parseEnv, ServerEnv } from '../lib/env';
import { seedDemoAccounts, seedDemoMap } from '../prisma/seed/seed';

class StartupError extends Error {}

const root = path.resolve(import.meta.dirname, '..');
const say = (line: string) => console.log(`counterpoint: ${line}`);

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== 'dev' && mode !== 'start')
    throw new StartupError('usage: tsx scripts/launch.ts dev|start');
  const env = parseEnv(LauncherEnv);
  // The server's own settings, checked here so a mistake stops the start.
  parseEnv(ServerEnv.pick({ TRUSTED_PROXY_COUNT: true, COUNTERPOINT_RATE_LIMIT_FACTOR: true }));
  if (mode === 'start' && env.DATABASE_URL && !env.AUTH_SECRET) {
    throw new StartupError(
      'AUTH_SECRET is not set. Generate one (openssl rand -base64 32) and give the same value to every app instance.',
    );
  }
  if (mode === 'start' && !existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new StartupError(
      'there is no production build yet. Run `npm run build` first, then `npm start`.',
    );
  }
  await ensurePortFree(env.PORT);

  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = env.DATABASE_URL;
  let authSecret = env.AUTH_SECRET;
  if (databaseUrl) {
    await checkConnection(databaseUrl);
    say(`using PostgreSQL at ${new URL(databaseUrl).host}`);
    if (!authSecret) {
      authSecret = randomBytes(32).toString('base64url');
      say('AUTH_SECRET is not set; using a temporary one, so sign-ins end when the app stops');
    }
  } else {
    const dataDir = path.resolve(root, env.COUNTERPOINT_DATA_DIR);
    embedded = await startEmbeddedDatabase({ dataDir });
    authSecret ??= await persistentSecret(path.join(dataDir, 'auth-secret'));
    databaseUrl = embedded.url;
    say(
      `using the embedded database in ${path.relative(root, dataDir) || dataDir} (set DATABASE_URL to use PostgreSQL)`,
    );
  }

  const stopDatabase = async () => {
    await embedded?.stop().catch(() => {});
  };
  try {
    await migrate(databaseUrl, { log: say });
    const prisma = createPrismaClient(databaseUrl, { max: 2 });
    try {
      const { mapId, created } = await seedDemoMap(prisma);
      if (created) say('seeded the demo debate');
      if (embedded || env.COUNTERPOINT_DEMO_ACCOUNTS) {
        const accounts = await seedDemoAccounts(prisma, mapId);
        say('demo accounts (new passwords at every start; never use them in production):');
        for (const a of accounts) console.log(`    ${a.role.padEnd(7)}  ${a.email}  ${a.password}`);
      }
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const child = spawn(process.execPath, [nextBin, mode, '--port', String(env.PORT)], {
    cwd: root,
    stdio: 'inherit',
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      COUNTERPOINT_DB_MODE: embedded ? 'embedded' : 'postgres',
      // Tells the app each request's TCP peer (its client's address when no
      // proxy is trusted): see scripts/peer-address.mjs.
      NODE_OPTIONS: [
        process.env.NODE_OPTIONS,
        `--import=${JSON.stringify(pathToFileURL(path.join(root, 'scripts', 'peer-address.mjs')).href)}`,
      ]
        .filter(Boolean)
        .join(' '),
    },
  });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const code = await new Promise<number>((resolve) =>
    child.on('exit', (c, s) => resolve(c ?? (s ? 0 : 1))),
  );
  await stopDatabase();
  process.exit(code);
}

/** The embedded database's session secret, made once and kept beside its data (so sign-ins survive restarts). */
async function persistentSecret(file: string): Promise<string> {
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing.length >= 32) return existing;
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** Fails early with a useful line instead of Next's EADDRINUSE stack. */
function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          error.code === 'EADDRINUSE'
            ? `port ${port} is already in use. Stop whatever is using it, or choose another port: PORT=${port + 1} npm run dev`
            : `cannot listen on port ${port} (${error.message}). Choose another port with PORT=...`,
        ),
      );
    });
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`counterpoint: ${message}`);
  if (process.env.COUNTERPOINT_DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
