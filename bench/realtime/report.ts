/**
 * What the real-time benchmark prints: one table per scenario as it ends,
 * a summary against issue #13's targets, and the whole run as JSON.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IdleMemory } from './memory';
import type { MapSizeRow } from './map-size';
import type { Propagation } from './propagation';
import type { RampStep } from './ramp';
import type { RawAtRate } from './raw-pg';
import { ms, printTable, type Summary } from './stats';
import type { YjsPeer } from './yjs-peer';

export type Results = {
  propagationOne?: Propagation;
  propagationTwo?: Propagation;
  embedded?: { nodes: number } & Propagation;
  mapSize?: MapSizeRow[];
  appRamp?: RampStep[];
  rawRamp?: RampStep[];
  rawAtRate?: RawAtRate;
  rawFullSpeed?: { committedPerSecond: number; transaction: Summary };
  yjs?: YjsPeer;
  memory?: IdleMemory;
  failures: { scenario: string; error: string }[];
};

const perSecond = (v: number) => `${v.toFixed(1)}/s`;
const kb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1024).toFixed(1)} KB`);
const latencyCells = (s: Summary) => [ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)];

export function printPropagation(title: string, p: Propagation) {
  printTable(
    `${title}: offered ${p.offered}, committed ${p.committed} (${perSecond(p.committedPerSecond)}), refused ${p.refused}`,
    ['measured', 'n', 'p50', 'p95', 'p99', 'max', 'missing', 'dup', 'out of order'],
    [
      ['POST → answer', p.answer.n, ...latencyCells(p.answer), '', '', ''],
      ...p.groups.map((g) => [
        `POST → ${g.readers} readers ${g.label}`,
        g.latency.n,
        ...latencyCells(g.latency),
        g.missing,
        g.duplicates,
        g.outOfOrder,
      ]),
    ],
  );
  if (p.errors.length) console.log(`first refusals: ${p.errors.join(' | ')}`);
}

export function printRaw(r: RawAtRate, full: Results['rawFullSpeed']) {
  printTable(
    `Raw pg, the op route's transaction by hand: offered ${r.offered}, committed ${r.committed} (${perSecond(r.committedPerSecond)}), notifications missing ${r.missingNotifications}`,
    ['measured', 'n', 'p50', 'p95', 'p99', 'max'],
    [
      ['BEGIN → COMMIT acknowledged', r.transaction.n, ...latencyCells(r.transaction)],
      ['BEGIN → notified (LISTEN)', r.notified.n, ...latencyCells(r.notified)],
      ['COMMIT acknowledged → notified', r.commitToNotified.n, ...latencyCells(r.commitToNotified)],
      ...(full
        ? [
            [
              `full speed, 10 connections: ${perSecond(full.committedPerSecond)}`,
              full.transaction.n,
              ...latencyCells(full.transaction),
            ],
          ]
        : []),
    ],
  );
}

export function printYjs(y: YjsPeer) {
  printTable(
    `Yjs peer (Hocuspocus): offered ${y.offered}`,
    ['measured', 'n', 'p50', 'p95', 'p99', 'max', 'missing', 'dup', 'out of order'],
    [
      [
        `edit → ${y.readers} readers`,
        y.latency.n,
        ...latencyCells(y.latency),
        y.missing,
        y.duplicates,
        y.outOfOrder,
      ],
    ],
  );
}

export function printMapSize(rows: MapSizeRow[]) {
  printTable(
    'Map size: one-node edits, one at a time',
    ['map', 'n', 'answer p50', 'answer p99', 'reader p50', 'reader p99', 'missing'],
    rows.map((r) => [
      `${r.nodes} nodes`,
      r.answer.n,
      ms(r.answer.p50),
      ms(r.answer.p99),
      ms(r.reader.p50),
      ms(r.reader.p99),
      r.missing,
    ]),
  );
}

export function printRamp(title: string, steps: RampStep[]) {
  printTable(
    title,
    ['offered', 'committed', 'refused', 'shed', 'answer p50', 'p95', 'p99', 'max'],
    steps.map((s) => [
      perSecond(s.offered),
      perSecond(s.committedPerSecond),
      s.refused,
      s.shed,
      ...latencyCells(s.answer),
    ]),
  );
  for (const s of steps)
    if (s.errors.length) console.log(`at ${s.offered}/s, first refusals: ${s.errors.join(' | ')}`);
}

/** The app's ramp beside raw pg's, step by step: how much of the floor the app reaches. */
export function printRampComparison(app: RampStep[], raw: RampStep[]) {
  printTable(
    'Sustained commits, the app beside raw pg',
    ['offered', 'app committed', 'app p99', 'raw committed', 'raw p99', 'app/raw'],
    app.map((s, i) => {
      const r = raw[i];
      return [
        perSecond(s.offered),
        perSecond(s.committedPerSecond),
        ms(s.answer.p99),
        r ? perSecond(r.committedPerSecond) : '—',
        ms(r?.answer.p99),
        r ? (s.committedPerSecond / r.committedPerSecond).toFixed(2) : '—',
      ];
    }),
  );
}

export function printMemory(m: IdleMemory) {
  printTable(
    `Idle readers: ${m.readers} SSE streams on one instance (pid ${m.after.pid})`,
    ['measured', 'before', 'after', 'per reader'],
    [
      ['RSS', kb(m.before.rss), kb(m.after.rss), kb(m.rssPerReader)],
      ['V8 heap used (after gc)', kb(m.before.heapUsed), kb(m.after.heapUsed), kb(m.heapPerReader)],
    ],
  );
}

export type Target = { target: string; measured: string; status: 'met' | 'missed' | 'not run' };

/** Each of issue #13's targets, with the figure it was judged on. */
export function targets(r: Results, offeredPerSecond: number): Target[] {
  const out: Target[] = [];
  const add = (target: string, value: number | undefined, text: string, ok: boolean) =>
    out.push(
      value === undefined || Number.isNaN(value)
        ? { target, measured: '—', status: 'not run' }
        : { target, measured: text, status: ok ? 'met' : 'missed' },
    );
  const propagations: [string, Propagation | undefined, number][] = [
    ['same instance', r.propagationOne, 0],
    ['across instances', r.propagationTwo, 1],
    ['embedded database', r.embedded, 0],
  ];
  for (const [where, p, group] of propagations) {
    const g = p?.groups[group];
    add(
      `propagation p50 ≤ 15 ms, ${where}`,
      g?.latency.p50,
      ms(g?.latency.p50),
      (g?.latency.p50 ?? 0) <= 15,
    );
    add(
      `propagation p99 ≤ 60 ms, ${where}`,
      g?.latency.p99,
      ms(g?.latency.p99),
      (g?.latency.p99 ?? 0) <= 60,
    );
    const faults = p
      ? p.groups.reduce((n, x) => n + x.missing + x.duplicates + x.outOfOrder, 0)
      : NaN;
    add(
      `all ${offeredPerSecond} edits/s committed, 0 missing/dup/out of order, ${where}`,
      p?.committed,
      p ? `${p.committed}/${p.offered} (${perSecond(p.committedPerSecond)}), ${faults} faults` : '',
      !!p && p.committed === p.offered && faults === 0,
    );
  }
  const app99 = r.propagationOne?.groups[0]?.latency.p99;
  const yjs99 = r.yjs?.latency.p99;
  const ratio = app99 !== undefined && yjs99 !== undefined ? app99 / yjs99 : undefined;
  add(
    'p99 within 3× the Yjs peer’s p99',
    ratio,
    `${ms(app99)} vs ${ms(yjs99)} (${ratio?.toFixed(1)}×)`,
    (ratio ?? 0) <= 3,
  );
  const [small, big] = r.mapSize ?? [];
  if (small && big) {
    const answer = big.answer.p50 / small.answer.p50;
    const reader = big.reader.p50 / small.reader.p50;
    add(
      `${big.nodes}-node edit within 1.5× of ${small.nodes}-node (p50, answer and reader)`,
      Math.max(answer, reader),
      `answer ${answer.toFixed(2)}×, reader ${reader.toFixed(2)}×`,
      Math.max(answer, reader) <= 1.5,
    );
  } else add('5,000-node edit within 1.5× of 36-node', undefined, '', false);
  const ok = r.appRamp?.filter((s) => s.answer.p99 <= 200) ?? [];
  const best = ok.length
    ? Math.max(...ok.map((s) => s.committedPerSecond))
    : r.appRamp
      ? 0
      : undefined;
  add(
    '≥ 400 edits/s committed at p99 ≤ 200 ms',
    best,
    `${perSecond(best ?? 0)} at p99 ≤ 200 ms`,
    (best ?? 0) >= 400,
  );
  const appTop = r.appRamp?.at(-1);
  const rawTop = r.rawRamp?.at(-1);
  const share =
    appTop && rawTop ? appTop.committedPerSecond / rawTop.committedPerSecond : undefined;
  add(
    'app/raw-pg committed ratio ≥ 0.5 at the top rate',
    share,
    `${perSecond(appTop?.committedPerSecond ?? NaN)} / ${perSecond(rawTop?.committedPerSecond ?? NaN)} = ${share?.toFixed(2)}`,
    (share ?? 0) >= 0.5,
  );
  add(
    '≤ 16 KB of server memory per idle reader',
    r.memory?.rssPerReader,
    `RSS ${kb(r.memory?.rssPerReader ?? null)}, heap ${kb(r.memory?.heapPerReader ?? null)}`,
    (r.memory?.rssPerReader ?? 0) <= 16 * 1024,
  );
  return out;
}

export function printTargets(list: Target[]) {
  printTable(
    'Summary against issue #13’s targets',
    ['target', 'measured', ''],
    list.map((t) => [t.target, t.measured, t.status]),
  );
}

/** The whole run as JSON in bench/results/ (git-ignored), for comparing with a later run. */
export async function write(
  results: Results,
  context: { config: object; summary: Target[]; postgres: string },
): Promise<string> {
  const dir = path.resolve(import.meta.dirname, '../results');
  await mkdir(dir, { recursive: true });
  const when = new Date().toISOString();
  const file = path.join(dir, `realtime-${when.replace(/[:.]/g, '-')}.json`);
  const machine = {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.versions.node,
    postgres: context.postgres,
  };
  await writeFile(
    file,
    JSON.stringify(
      { when, machine, config: context.config, summary: context.summary, ...results },
      null,
      2,
    ),
  );
  return file;
}
