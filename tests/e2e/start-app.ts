import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../support/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    startupLog: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Starts the production build exactly as `npm start` does, on a fresh
 * embedded database in a temporary folder, and waits until it answers.
 */
export default async function startApp(project: TestProject) {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID')))
    throw new Error('run `npm run build` before the browser tests');
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counterpoint-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    COUNTERPOINT_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  const app = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/launch.ts', 'start'], {
    cwd: root,
    env,
    detached: true,
  });
  let log = '';
  app.stdout.on('data', (chunk) => (log += chunk));
  app.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => app.on('exit', resolve));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
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
    if (code !== 'running')
      throw new Error(`the app exited (${code}) before it was ready:\n${log}`);
    if (Date.now() > deadline) throw new Error(`the app did not become ready in 120 s:\n${log}`);
  }
  project.provide('baseUrl', baseUrl);
  project.provide('startupLog', log);

  return async () => {
    if (app.exitCode === null) {
      process.kill(-app.pid!, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
}
