/**
 * `npm run bench:realtime` (issue #13): how fast an edit reaches every open
 * map, beside what the same machine does without the app. One command from a
 * clean clone: builds the app first if there is no build (BENCH_BUILD=1
 * rebuilds), creates a fresh database on the local PostgreSQL (or
 * DATABASE_URL's server) and drops it at the end, starts the built app with
 * `npm start`'s launcher, signs an editor in, and runs, in this order:
 *
 * - one       propagation, one instance: READERS anonymous SSE readers of a
 *             public 36-node map; EDITORS loops each post RATE one-node
 *             moveNodes edits a second for DURATION s; POST sent → event at
 *             each reader (p50/p95/p99, missing, duplicate, out of order).
 * - two       the same with a second `next start` on the same database:
 *             edits posted to A, readers split between A and B, each half
 *             reported (B's events travel through LISTEN/NOTIFY).
 * - size      one-node edits one at a time, alternating between a 36-node
 *             and a BIG_NODES map (written with SQL, then ANALYZE), SIZE_EDITS
 *             each: POST → answer and POST → reader.
 * - ramp      sustained commits on one map: RAMP_STEPS offered edits/s, each
 *             for RAMP_DURATION s from RAMP_LOOPS senders; committed/s and
 *             POST → answer latency per step.
 * - memory    IDLE_READERS idle SSE readers on instance B: its RSS and V8
 *             heap (after a gc by bench/realtime-heap-probe.ts) before and
 *             after, per reader, SETTLE s after the last one connected.
 * - raw       the floor: the op route's transaction by hand with `pg` at the
 *             propagation's offered rate (with a LISTEN client timing
 *             commit → notification), at full speed for RAW_FULL_DURATION s,
 *             and at the ramp's steps (the app/raw ratio at the top rate).
 * - yjs       the peer: a Hocuspocus server in a child process, EDITORS Yjs
 *             clients making the same edits at the same rate (set x, y of a
 *             node's Y.Map), READERS Yjs clients observing.
 * - embedded  `one` on the embedded database (PGlite, one process, no
 *             DATABASE_URL), the demo map, for EMBEDDED_DURATION s.
 *
 * SCENARIOS=one,two,... runs only those (default: all). Defaults: EDITORS=20,
 * RATE=2, READERS=60, DURATION=15, BIG_NODES=5000, SIZE_EDITS=40,
 * RAMP_STEPS=100,200,400,800, RAMP_DURATION=8, RAMP_LOOPS=40,
 * RAW_FULL_DURATION=5, IDLE_READERS=1000, SETTLE=5, EMBEDDED_DURATION=10;
 * about five minutes in all. Prints a table per scenario and a summary
 * against the issue's targets, and writes everything to
 * bench/results/realtime-<date>.json (git-ignored) for comparing runs. The
 * whole run gives up after BENCH_TIMEOUT s (default 900), cleaning up.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureBuild, signIn, startApp, stopApp, type App } from './realtime/apps';
import { config, envNumber, runs } from './realtime/config';
import { embeddedPropagation } from './realtime/embedded';
import {
  createDatabase,
  createEditor,
  createMap,
  dropDatabase,
  EDITOR,
  type BenchMap,
} from './realtime/fixtures';
import { keepAlive } from './realtime/http';
import { appSender } from './realtime/drive';
import { idleMemory } from './realtime/memory';
import { mapSize } from './realtime/map-size';
import { propagation, warmUp } from './realtime/propagation';
import { ramp } from './realtime/ramp';
import { rawAtRate, rawFullSpeed, rawSession } from './realtime/raw-pg';
import * as report from './realtime/report';
import { yjsPeer } from './realtime/yjs-peer';

const root = path.resolve(import.meta.dirname, '..');

const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = `counterpoint_bench_rt_${Date.now()}`;
const authSecret = randomBytes(32).toString('base64url');
const results: report.Results = { failures: [] };
const apps: App[] = [];
const tempDirs: string[] = [];
let databaseCreated = false;

/** Runs one scenario; a failure is reported and the next scenario still runs. */
async function scenario(name: string, work: () => Promise<void>) {
  if (!runs(name)) return;
  console.log(`\n— ${name} …`);
  try {
    await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`scenario ${name} failed: ${message}`);
    results.failures.push({ scenario: name, error: message });
  }
}

async function tempDir(prefix: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

async function main() {
  ensureBuild();
  const databaseUrl = await createDatabase(serverUrl, dbName);
  databaseCreated = true;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  let editorId: string;
  const maps: Record<string, BenchMap> = {};
  let pgVersion: string;
  try {
    editorId = await createEditor(db);
    for (const name of ['propagation', 'size', 'ramp', 'raw', 'idle'])
      maps[name] = await createMap(db, editorId, `Realtime benchmark: ${name}`, 36);
    if (runs('size'))
      maps.big = await createMap(db, editorId, 'Realtime benchmark: big', config.bigNodes);
    // Autovacuum is off on these machines: plans need statistics.
    await db.query('ANALYZE');
    pgVersion = (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v"))
      .rows[0]!.v;
  } finally {
    await db.end();
  }
  console.log(
    `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, PostgreSQL ${pgVersion}; ${config.editors} editors × ${config.rate} edits/s, ${config.readers} readers, ${config.seconds} s`,
  );

  const probeDir = await tempDir('counterpoint-bench-probe-');
  if (['one', 'two', 'size', 'ramp', 'memory'].some(runs)) {
    const start = (name: string) =>
      startApp({ name, databaseUrl, authSecret, probeDir, dataDir: probeDir });
    const wanted = runs('two') || runs('memory') ? ['A', 'B'] : ['A'];
    apps.push(...(await Promise.all(wanted.map(start))));
  }
  const [a, b] = apps;
  const cookie = a ? await signIn(a.base, EDITOR.email, EDITOR.password) : '';
  if (a) await warmUp({ bases: apps.map((app) => app.base), cookie, ...mapIds(maps.ramp!) });

  await scenario('one', async () => {
    results.propagationOne = await propagation({
      postTo: a!.base,
      cookie,
      ...mapIds(maps.propagation!),
      readerGroups: [{ label: 'on A (same instance)', base: a!.base, count: config.readers }],
      editors: config.editors,
      rate: config.rate,
      seconds: config.seconds,
    });
    report.printPropagation('Propagation, one instance', results.propagationOne);
  });
  await scenario('two', async () => {
    const onA = Math.ceil(config.readers / 2);
    results.propagationTwo = await propagation({
      postTo: a!.base,
      cookie,
      ...mapIds(maps.propagation!),
      readerGroups: [
        { label: 'on A (same instance)', base: a!.base, count: onA },
        { label: 'on B (across instances)', base: b!.base, count: config.readers - onA },
      ],
      editors: config.editors,
      rate: config.rate,
      seconds: config.seconds,
    });
    report.printPropagation(
      'Propagation, two instances (edits posted to A)',
      results.propagationTwo,
    );
  });
  await scenario('size', async () => {
    results.mapSize = await mapSize({
      base: a!.base,
      cookie,
      maps: [maps.size!, maps.big!],
      edits: config.sizeEdits,
    });
    report.printMapSize(results.mapSize);
  });
  await scenario('ramp', async () => {
    const agents = Array.from({ length: config.rampLoops }, () => keepAlive(4));
    results.appRamp = await ramp({
      steps: config.rampSteps,
      seconds: config.rampSeconds,
      loops: config.rampLoops,
      send: appSender({ base: a!.base, cookie, ...mapIds(maps.ramp!), agents }),
    });
    for (const agent of agents) agent.destroy();
    report.printRamp('Sustained commits on one map, the app (POST → answer)', results.appRamp);
  });
  await scenario('memory', async () => {
    results.memory = await idleMemory({
      app: b!,
      mapId: maps.idle!.id,
      count: config.idleReaders,
      settleSeconds: config.settleSeconds,
    });
    report.printMemory(results.memory);
  });
  await Promise.all(apps.splice(0).map(stopApp));

  await scenario('raw', async () => {
    const session = await rawSession(databaseUrl, maps.raw!, editorId);
    try {
      results.rawAtRate = await rawAtRate(session, {
        loops: config.editors,
        rate: config.rate,
        seconds: config.seconds,
      });
      results.rawFullSpeed = await rawFullSpeed(session, {
        workers: 10,
        seconds: config.rawFullSeconds,
      });
      report.printRaw(results.rawAtRate, results.rawFullSpeed);
      results.rawRamp = await ramp({
        steps: config.rampSteps,
        seconds: config.rampSeconds,
        loops: config.rampLoops,
        send: session.send,
      });
      report.printRamp('Sustained commits on one map, raw pg (BEGIN → COMMIT)', results.rawRamp);
      if (results.appRamp) report.printRampComparison(results.appRamp, results.rawRamp);
    } finally {
      await session.close();
    }
  });
  await scenario('yjs', async () => {
    results.yjs = await yjsPeer({
      editors: config.editors,
      readers: config.readers,
      rate: config.rate,
      seconds: config.seconds,
      nodes: 36,
    });
    report.printYjs(results.yjs);
  });
  await scenario('embedded', async () => {
    results.embedded = await embeddedPropagation({
      authSecret,
      probeDir,
      dataDir: await tempDir('counterpoint-bench-pglite-'),
      started: (app) => apps.push(app),
      ...config,
      seconds: config.embeddedSeconds,
    });
    report.printPropagation(
      `Propagation, embedded database (PGlite), the ${results.embedded.nodes}-node demo map`,
      results.embedded,
    );
  });

  const summary = report.targets(results, config.editors * config.rate);
  report.printTargets(summary);
  const file = await report.write(results, { config, summary, postgres: pgVersion });
  console.log(`\nresults written to ${path.relative(root, file)}`);
  for (const f of results.failures) console.error(`FAILED ${f.scenario}: ${f.error}`);
  return results.failures.length ? 1 : 0;
}

const mapIds = (map: BenchMap) => ({ mapId: map.id, nodeIds: map.nodeIds });

let cleaning: Promise<void> | null = null;
/** Stops every app this run started and drops its database; safe to call twice. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(apps.splice(0).map(stopApp));
    if (databaseCreated)
      await dropDatabase(serverUrl, dbName).catch((error: unknown) =>
        console.error(`could not drop database ${dbName}: ${String(error)}`),
      );
    for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
  })();
  return cleaning;
}

const giveUp = setTimeout(
  () => {
    console.error(`the benchmark took longer than BENCH_TIMEOUT; stopping`);
    void cleanup().finally(() => process.exit(1));
  },
  envNumber('BENCH_TIMEOUT', 900) * 1000,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the apps and dropping ${dbName} …`);
    void cleanup().finally(() => process.exit(130));
  });

main()
  .then(
    (code) => cleanup().then(() => code),
    async (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      await cleanup();
      return 1;
    },
  )
  .then((code) => {
    clearTimeout(giveUp);
    // Streams and keep-alive sockets may still hold the event loop open.
    process.exit(code);
  });
