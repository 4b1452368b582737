/**
 * `npm run bench:realtime` (after `npm run build`; uses the local PostgreSQL,
 * or DATABASE_URL's server): how long an edit takes to reach every open map
 * stream. Starts the built app on a fresh database, signs one editor in,
 * opens READERS anonymous SSE readers of a public 36-node map, and has
 * EDITORS loops each post RATE small edits (a moveNodes op) a second for
 * DURATION seconds. Latency is from the POST being sent to the event arriving at a
 * reader. Prints p50/p95/p99 and missing, duplicate and out-of-order counts.
 *
 * Not yet here (issue #13): a Yjs peer and a raw-pg baseline in the same run,
 * and a second app instance.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { createPrismaClient } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { launchBrowser } from '../tests/support/chromium';
import { freePort } from '../tests/support/free-port';

const root = path.resolve(import.meta.dirname, '..');
const EDITORS = Number(process.env.EDITORS ?? 20);
const RATE = Number(process.env.RATE ?? 2);
const READERS = Number(process.env.READERS ?? 60);
const SECONDS = Number(process.env.DURATION ?? 20);
const NODES = 36;

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

/** One SSE reader: when each `ops` event arrived, and in what order. */
function reader(url: string) {
  const controller = new AbortController();
  const arrivals = new Map<number, number>();
  const order: number[] = [];
  let duplicates = 0;
  let ready = false;
  let text = '';
  const done = (async () => {
    const response = await fetch(url, { signal: controller.signal });
    const stream = response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done: end } = await stream.read();
      if (end) return;
      const now = performance.now();
      text += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = text.indexOf('\n\n')) >= 0) {
        const frame = text.slice(0, cut);
        text = text.slice(cut + 2);
        if (frame.includes('event: ready')) ready = true;
        const m = /^id: (\d+)\nevent: ops/m.exec(frame);
        if (!m) continue;
        const seq = Number(m[1]);
        if (arrivals.has(seq)) duplicates++;
        else arrivals.set(seq, now);
        order.push(seq);
      }
    }
  })().catch(() => {});
  return {
    arrivals,
    order,
    duplicates: () => duplicates,
    ready: () => ready,
    stop: () => (controller.abort(), done),
  };
}

async function main() {
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `counterpoint_bench_rt_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counterpoint-bench-rt-'));
  let app: ReturnType<typeof spawn> | null = null;
  try {
    await migrate(databaseUrl);
    const prisma = createPrismaClient(databaseUrl, { max: 2 });
    const password = 'benchmark passphrase';
    const user = await prisma.user.create({
      data: {
        email: 'rt@example.test',
        name: 'Bench',
        passwordHash: await bcrypt.hash(password, 10),
      },
    });
    const map = await prisma.argumentMap.create({
      data: {
        title: 'Realtime benchmark',
        motion: 'Fast enough?',
        ownerId: user.id,
        isPublic: true,
      },
    });
    await prisma.mapMember.create({ data: { mapId: map.id, userId: user.id, role: 'OWNER' } });
    const ids = Array.from({ length: NODES }, () => randomUUID());
    await prisma.node.createMany({
      data: ids.map((id, i) => ({
        id,
        mapId: map.id,
        kind: 'CLAIM',
        text: `Claim ${i}`,
        x: (i % 6) * 300,
        y: Math.floor(i / 6) * 170,
      })),
    });
    await prisma.$disconnect();
    // Autovacuum is off on these machines: plans need statistics.
    const analyse = new pg.Client({ connectionString: databaseUrl });
    await analyse.connect();
    await analyse.query('ANALYZE');
    await analyse.end();

    const port = await freePort();
    app = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/launch.ts', 'start'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        COUNTERPOINT_DATA_DIR: dataDir,
      },
      stdio: 'ignore',
      detached: true,
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 240; i++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 500));
    }

    const browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill('rt@example.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/`);
    const api = page.context().request;

    const snapshot = (await (await fetch(`${base}/api/maps/${map.id}`)).json()) as { seq: number };
    const readers = Array.from({ length: READERS }, () =>
      reader(`${base}/api/maps/${map.id}/events?since=${snapshot.seq}`),
    );
    for (let i = 0; i < 200 && !readers.every((r) => r.ready()); i++)
      await new Promise((r) => setTimeout(r, 100));

    const sentAt = new Map<number, number>();
    let offered = 0;
    let failed = 0;
    const end = performance.now() + SECONDS * 1000;
    const editor = async (e: number) => {
      const pending: Promise<void>[] = [];
      for (let tick = 0; performance.now() < end; tick++) {
        const due = end - SECONDS * 1000 + ((tick + e / EDITORS) * 1000) / RATE;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (performance.now() >= end) break;
        offered++;
        const id = ids[(e + tick) % NODES]!;
        const sent = performance.now();
        pending.push(
          api
            .post(`${base}/api/maps/${map.id}/ops`, {
              data: {
                ops: [{ type: 'moveNodes', moves: [{ id, x: e * 10 + tick, y: tick }] }],
                idempotencyKey: randomUUID(),
              },
            })
            .then(async (response) => {
              if (!response.ok()) return void failed++;
              sentAt.set(((await response.json()) as { seq: number }).seq, sent);
            }),
        );
      }
      await Promise.all(pending);
    };
    await Promise.all(Array.from({ length: EDITORS }, (_, e) => editor(e)));
    await new Promise((r) => setTimeout(r, 3000));
    await Promise.all(readers.map((r) => r.stop()));
    await browser.close();

    const latencies: number[] = [];
    let missing = 0;
    let outOfOrder = 0;
    let duplicates = 0;
    for (const r of readers) {
      for (const [seq, sent] of sentAt) {
        const at = r.arrivals.get(seq);
        if (at === undefined) missing++;
        else latencies.push(at - sent);
      }
      for (let i = 1; i < r.order.length; i++) if (r.order[i]! < r.order[i - 1]!) outOfOrder++;
      duplicates += r.duplicates();
    }
    latencies.sort((a, b) => a - b);
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    console.log(
      `${EDITORS} editors × ${RATE} edits/s, ${READERS} readers, ${SECONDS} s, ${serverUrl.includes('127.0.0.1') ? 'local PostgreSQL' : 'PostgreSQL'}`,
    );
    console.log(
      `offered ${offered}, committed ${sentAt.size} (${(sentAt.size / SECONDS).toFixed(1)}/s), refused ${failed}`,
    );
    console.log(
      `propagation p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1) ?? NaN)}`,
    );
    console.log(`missing ${missing}, duplicate ${duplicates}, out of order ${outOfOrder}`);
  } finally {
    if (app?.pid) process.kill(-app.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
