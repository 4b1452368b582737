/**
 * The built app as the benchmark runs it: `npm start`'s launcher
 * (scripts/launch.ts) as a child process group, on a given database or on
 * the embedded one, signed in through the sign-in page in Chromium.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../../tests/support/chromium';
import { freePort } from '../../tests/support/free-port';
import { sleep } from './stats';

const root = path.resolve(import.meta.dirname, '../..');

/** Builds the app (`next build`) if there is no build yet, or always with BENCH_BUILD=1. */
export function ensureBuild() {
  if (existsSync(path.join(root, '.next', 'BUILD_ID')) && !process.env.BENCH_BUILD) return;
  console.log('building the app first (npm run build) …');
  const built = spawnSync(path.join(root, 'node_modules/.bin/next'), ['build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('npm run build failed');
}

export type App = {
  name: string;
  base: string;
  process: ChildProcess;
  log: () => string;
  /** Where the heap probe writes its samples. */
  probeDir: string;
};

/**
 * Starts `tsx scripts/launch.ts start` (what `npm start` runs) and waits for
 * /api/health. Without `databaseUrl` the launcher starts the embedded
 * database in `dataDir`. Every app server carries the heap probe.
 */
export async function startApp(options: {
  name: string;
  databaseUrl?: string;
  authSecret: string;
  dataDir: string;
  probeDir: string;
}): Promise<App> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    AUTH_SECRET: options.authSecret,
    COUNTERPOINT_DATA_DIR: options.dataDir,
    BENCH_PROBE_DIR: options.probeDir,
    // Hundreds of edits a second and a thousand streams, all from this one
    // machine: far past what the rate limits let one address do.
    COUNTERPOINT_RATE_LIMIT_FACTOR: '1000',
    NODE_OPTIONS: [
      process.env.NODE_OPTIONS ?? '',
      '--expose-gc',
      `--import ${path.join(root, 'bench/realtime-heap-probe.ts')}`,
    ].join(' '),
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/launch.ts', 'start'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString();
    // Enough for the start-up lines (the demo accounts) and the latest errors.
    if (log.length > 200_000) log = log.slice(0, 20_000) + log.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const app: App = {
    name: options.name,
    base: `http://127.0.0.1:${port}`,
    process: child,
    log: () => log,
    probeDir: options.probeDir,
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    const healthy = await fetch(`${app.base}/api/health`, {
      signal: AbortSignal.timeout(5_000),
    }).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return app;
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`app ${options.name} exited before it was ready:\n${log.slice(-4000)}`);
    if (Date.now() > deadline) {
      await stopApp(app);
      throw new Error(`app ${options.name} was not ready after 180 s:\n${log.slice(-4000)}`);
    }
    await sleep(300);
  }
}

/** SIGTERM to the app's whole process group, SIGKILL if it is still there after 10 s. */
export async function stopApp(app: App | null | undefined) {
  const child = app?.process;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

/** Signs in through the sign-in page in Chromium; returns the session cookie as a Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/`, { timeout: 30_000 });
    const cookies = await page.context().cookies(base);
    if (!cookies.some((c) => c.name.includes('session-token')))
      throw new Error(`signing in as ${email} set no session cookie`);
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

/** The Next server process under the launcher (the one serving requests). */
async function serverPid(app: App): Promise<number> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The ppid is the second field after the command name in parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      tree.push(child);
      walk(child);
    }
  };
  walk(app.process.pid!);
  for (const pid of tree.reverse()) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('next/dist/bin/next') || cmdline.includes('next-server')) return pid;
  }
  throw new Error(`no Next server process found under app ${app.name}`);
}

export type MemorySample = { pid: number; rss: number; heapUsed: number | null };

/**
 * The server's memory after a full collection (the heap probe's gc), or its
 * VmRSS alone if the probe did not answer within 5 s.
 */
export async function sampleMemory(app: App): Promise<MemorySample> {
  const pid = await serverPid(app);
  const file = path.join(app.probeDir, `${pid}.json`);
  await rm(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(50);
  if (existsSync(file)) {
    const usage = JSON.parse(await readFile(file, 'utf8')) as { rss: number; heapUsed: number };
    return { pid, rss: usage.rss, heapUsed: usage.heapUsed };
  }
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return { pid, rss: kb * 1024, heapUsed: null };
}
