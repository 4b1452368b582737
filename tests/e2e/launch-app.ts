import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port';

const root = path.resolve(import.meta.dirname, '../..');

/** An app started by the real launcher, answering at `baseUrl`. */
export type LaunchedApp = {
  baseUrl: string;
  /** What the launcher printed so far (the demo accounts' passwords among it). */
  log: () => string;
  stop: () => Promise<void>;
};

/**
 * Starts the app as `npm start` (the build) or `npm run dev` does, on a fresh
 * embedded database in a temporary folder, and waits until it answers
 * `/api/health` at `http://<host>:<port>`.
 */
export async function launchApp(
  mode: 'start' | 'dev',
  { host = '127.0.0.1', readyWithin = 120_000 } = {},
): Promise<LaunchedApp> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), `counterpoint-e2e-${mode}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: mode === 'start' ? 'production' : 'development',
    PORT: String(port),
    COUNTERPOINT_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  const app = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/launch.ts', mode], {
    cwd: root,
    env,
    detached: true,
  });
  let log = '';
  app.stdout.on('data', (chunk) => (log += chunk));
  app.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => app.on('exit', resolve));
  const stop = async () => {
    if (app.exitCode === null) {
      process.kill(-app.pid!, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://${host}:${port}`;
  const deadline = Date.now() + readyWithin;
  for (;;) {
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    const code = await Promise.race([
      exited,
      new Promise((r) => setTimeout(() => r('running'), 500)),
    ]);
    if (code !== 'running') {
      await stop();
      throw new Error(`the app exited (${code}) before it was ready:\n${log}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not become ready in ${readyWithin / 1000} s:\n${log}`);
    }
  }
  return { baseUrl, log: () => log, stop };
}
