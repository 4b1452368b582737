import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, withDatabase } from '../support/global-setup';
import { freePort } from '../support/free-port';
import { openPage, useBrowser } from './browser';

/**
 * Two `next start` processes on one real PostgreSQL (the server the CI
 * machine runs; COUNTERPOINT_TEST_POSTGRES_URL names another): a change
 * posted to one arrives on a stream served by the other, through
 * LISTEN/NOTIFY, also after the listening connection was cut.
 */

const root = path.resolve(import.meta.dirname, '../..');
const serverUrl =
  process.env.COUNTERPOINT_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const browser = useBrowser();

type App = { url: string; process: ChildProcess; log: () => string };

async function startApp(databaseUrl: string, demoAccounts: boolean): Promise<App> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: 'multi-process-test-secret-0123456789abcdef',
    COUNTERPOINT_DEMO_ACCOUNTS: demoAccounts ? '1' : '0',
  };
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/launch.ts', 'start'], {
    cwd: root,
    env,
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`the app exited before it was ready:\n${log}`);
    if (Date.now() > deadline) throw new Error(`the app did not become ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, process: child, log: () => log };
}

/** Reads one SSE stream in the background, collecting its `ops` event ids. */
function listen(url: string) {
  const controller = new AbortController();
  const seen: number[] = [];
  let text = '';
  const done = (async () => {
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += new TextDecoder().decode(value);
      for (const m of text.matchAll(/id: (\d+)\nevent: ops/g))
        if (!seen.includes(Number(m[1]))) seen.push(Number(m[1]));
    }
  })().catch(() => {});
  return { seen, text: () => text, stop: () => (controller.abort(), done) };
}

let database = '';
let apps: App[] = [];

beforeAll(async () => {
  database = `counterpoint_mp_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${database}"`);
  const databaseUrl = withDatabase(serverUrl, database);
  const first = await startApp(databaseUrl, true);
  apps = [first, await startApp(databaseUrl, false)];
}, 240_000);

afterAll(async () => {
  for (const app of apps) {
    if (app.process.exitCode === null) process.kill(-app.process.pid!, 'SIGTERM');
  }
  await Promise.all(
    apps.map(
      (app) =>
        new Promise((r) => (app.process.exitCode !== null ? r(null) : app.process.on('exit', r))),
    ),
  );
  if (database) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});

describe('several app processes on one PostgreSQL', () => {
  it('a change posted to one process arrives on a stream served by the other, also after its LISTEN connection was cut', async () => {
    const [a, b] = apps as [App, App];
    const html = await (await fetch(a.url)).text();
    const mapId = /href="\/maps\/([^"?]+)"/.exec(html)![1]!;
    const { page } = await openPage(browser());
    const line = /teacher\s+(\S+@\S+)\s+(\S+)/.exec(a.log())!;
    await page.goto(`${a.url}/sign-in`);
    await page.getByLabel('Email').fill(line[1]!);
    await page.getByLabel('Password').fill(line[2]!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${a.url}/`);

    const post = async (text: string) => {
      // Not a page's fetch: it names the origin as a browser would.
      const response = await page.request.post(`${a.url}/api/maps/${mapId}/ops`, {
        headers: { origin: a.url },
        data: {
          ops: [
            {
              type: 'createNode',
              id: `mp-${randomBytes(6).toString('hex')}`,
              kind: 'CLAIM',
              text,
              x: 0,
              y: 0,
            },
          ],
          idempotencyKey: randomBytes(8).toString('hex'),
        },
      });
      expect(response.status()).toBe(200);
      return ((await response.json()) as { seq: number }).seq;
    };

    const snapshot = (await (await fetch(`${b.url}/api/maps/${mapId}`)).json()) as { seq: number };
    const stream = listen(`${b.url}/api/maps/${mapId}/events?since=${snapshot.seq}`);
    await expect.poll(() => stream.text().includes('event: ready'), { timeout: 10_000 }).toBe(true);

    const first = await post('Posted to process A');
    await expect.poll(() => stream.seen, { timeout: 10_000 }).toContain(first);
    expect(stream.text()).toContain('Posted to process A');

    // Cut every listening connection: a notification sent now reaches no one,
    // and the stream must catch up from the log when its process listens again.
    const admin = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
    await admin.connect();
    const cut = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'counterpoint-listen' AND datname = $1`,
      [database],
    );
    await admin.end();
    expect(cut.rowCount).toBeGreaterThanOrEqual(1);
    const second = await post('Posted while B was not listening');
    await expect.poll(() => stream.seen, { timeout: 15_000 }).toContain(second);
    expect(stream.seen).toEqual([first, second]);
    await stream.stop();
    await page.close();
  }, 90_000);
});
