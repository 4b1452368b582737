/**
 * `npm run bench:canvas` (after `npm run build`): how the map page copes
 * with 1,000 nodes in Chromium. On a fresh database (DATABASE_URL's server,
 * or a temporary embedded one) it creates a 1,000-node map owned by a
 * benchmark user, starts the built app, signs in, and measures in Chromium:
 * time until all nodes are drawn, and frame times while panning and while
 * dragging a node. Prints a table for docs/PERFORMANCE.md. Not a test: it
 * asserts nothing. With BENCH_SECTIONS=1 the map has Argdown sections (5
 * sections of 5 subsections, each row of 40 cards one subsection), so the
 * section frames are drawn and follow the drag.
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
const N = 1000;
const WITH_SECTIONS = process.env.BENCH_SECTIONS === '1';
/** 5 sections of 5 subsections: row r of the grid (40 cards) is subsection r. */
const SECTIONS = Array.from({ length: 5 }, (_, i) => [
  { id: `s${i}`, title: `Section ${i + 1}`, level: 1, parentId: null, data: null },
  ...Array.from({ length: 5 }, (_, j) => ({
    id: `s${i}-${j}`,
    title: `Subsection ${i + 1}.${j + 1}`,
    level: 2,
    parentId: `s${i}`,
    data: null,
  })),
]).flat();

async function main() {
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `counterpoint_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counterpoint-bench-'));
  let app: ReturnType<typeof spawn> | null = null;
  try {
    await migrate(databaseUrl);
    const prisma = createPrismaClient(databaseUrl, { max: 2 });
    const password = 'benchmark passphrase';
    const user = await prisma.user.create({
      data: {
        email: 'bench@example.test',
        name: 'Bench',
        passwordHash: await bcrypt.hash(password, 10),
      },
    });
    const map = await prisma.argumentMap.create({
      data: {
        title: 'Benchmark: 1,000 nodes',
        motion: 'Can the canvas keep up?',
        ownerId: user.id,
        ...(WITH_SECTIONS && { sections: SECTIONS }),
      },
    });
    await prisma.mapMember.create({ data: { mapId: map.id, userId: user.id, role: 'OWNER' } });
    const ids = Array.from({ length: N }, () => randomUUID());
    await prisma.node.createMany({
      data: ids.map((id, i) => ({
        id,
        mapId: map.id,
        kind: i === 0 ? 'QUESTION' : 'CLAIM',
        text: `Claim ${i}: long enough to wrap onto a second line of its card.`,
        x: (i % 40) * 300,
        y: Math.floor(i / 40) * 170,
        ...(WITH_SECTIONS && {
          section: `s${Math.floor(i / 200)}-${Math.floor(i / 40) % 5}`,
        }),
      })),
    });
    await prisma.edge.createMany({
      data: ids.slice(1).map((id, i) => ({
        mapId: map.id,
        fromId: id,
        toId: ids[Math.floor(i / 3)]!,
        relation: i % 7 === 0 ? 'ATTACKS' : 'SUPPORTS',
      })),
    });
    await prisma.$disconnect();

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
    for (
      let i = 0;
      i < 240 &&
      !(await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 500));

    const browser = await launchBrowser();
    // The bench's page scripts are strings the page's CSP (no eval) would refuse.
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill('bench@example.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/`);

    const started = Date.now();
    await page.goto(`${base}/maps/${map.id}`);
    await page.waitForFunction(
      `document.querySelectorAll('.react-flow__node').length >= ${N}`,
      undefined,
      { timeout: 120_000 },
    );
    const firstDraw = Date.now() - started;
    if (WITH_SECTIONS)
      await page
        .locator('[data-section-frame]')
        .nth(SECTIONS.length - 1)
        .waitFor();
    // Let the page settle (snapshot fitting, the live stream and the discussion load) before measuring.
    await page.waitForTimeout(3000);

    /** Frame intervals recorded in the page while `act` runs. */
    const frames = async (act: () => Promise<void>) => {
      // A string, not a function: tsx's helpers do not exist in the page.
      await page.evaluate(`(() => {
        window.__frames = [];
        window.__on = true;
        window.__last = performance.now();
        const tick = (t) => {
          if (!window.__on) return;
          window.__frames.push(t - window.__last);
          window.__last = t;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      })()`);
      await act();
      const list = (await page.evaluate(
        '(() => { window.__on = false; return window.__frames.slice(1); })()',
      )) as number[];
      list.sort((a, b) => a - b);
      const at = (q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0;
      return { count: list.length, median: at(0.5), p95: at(0.95), max: list.at(-1) ?? 0 };
    };

    const canvas = await page.locator('.react-flow__pane').boundingBox();
    const cx = canvas!.x + canvas!.width / 2;
    const cy = canvas!.y + canvas!.height / 2;
    const pan = await frames(async () => {
      await page.mouse.move(cx, cy + 200);
      await page.mouse.down();
      for (let i = 0; i < 60; i++) await page.mouse.move(cx - i * 6, cy + 200 - i * 3);
      await page.mouse.up();
    });
    const nodeBox = await page.locator('.react-flow__node').nth(5).boundingBox();
    const drag = await frames(async () => {
      await page.mouse.move(nodeBox!.x + 40, nodeBox!.y + 20);
      await page.mouse.down();
      for (let i = 0; i < 60; i++)
        await page.mouse.move(nodeBox!.x + 40 + i * 4, nodeBox!.y + 20 + i * 2);
      await page.mouse.up();
    });
    const zoom = await frames(async () => {
      for (let i = 0; i < 20; i++) await page.mouse.wheel(0, i < 10 ? -120 : 120);
    });
    // Auto-layout: ELK runs in a web worker; the page should keep drawing frames meanwhile.
    let layoutMs = 0;
    const layout = await frames(async () => {
      const t0 = Date.now();
      const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
      await toolbar.getByRole('button', { name: 'Auto-layout' }).click();
      await toolbar.getByRole('button', { name: 'Arranging…' }).waitFor({ timeout: 10_000 });
      await toolbar
        .getByRole('button', { name: 'Arranging…' })
        .waitFor({ state: 'detached', timeout: 60_000 });
      // The saved status sits beside the toolbar, not in it.
      await page
        .getByRole('status')
        .filter({ hasText: /^\s*Saved$/ })
        .waitFor({ timeout: 60_000 });
      layoutMs = Date.now() - t0;
    });
    await browser.close();

    const row = (name: string, f: { count: number; median: number; p95: number; max: number }) =>
      `| ${name} | ${f.count} | ${f.median.toFixed(1)} ms | ${f.p95.toFixed(1)} ms | ${f.max.toFixed(1)} ms |`;
    console.log(`first draw of ${N} nodes (navigation to all nodes in the DOM): ${firstDraw} ms`);
    if (WITH_SECTIONS) console.log(`with ${SECTIONS.length} section frames drawn`);
    console.log('| interaction | frames | median frame | p95 frame | worst frame |');
    console.log('|---|---|---|---|---|');
    console.log(row('pan', pan));
    console.log(row('drag a node', drag));
    console.log(row('zoom (wheel)', zoom));
    console.log(row('auto-layout (ELK in a worker, until saved)', layout));
    console.log(`auto-layout of ${N} nodes, click until saved: ${layoutMs} ms`);
  } finally {
    if (app?.pid) process.kill(-app.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
