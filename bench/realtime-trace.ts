/**
 * `npx tsx bench/realtime-trace.ts <dir>` reads what a
 * `BENCH_TRACE=<dir> SCENARIOS=one npm run bench:realtime` run left in
 * <dir> (the bench's sends, answers and arrivals; the server's stage stamps
 * from lib/server/bench-trace.ts; the heap probe's socket writes, GC pauses
 * and event-loop stalls) and prints one edit's latency broken into stages,
 * and what the slowest edits spent their time on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2]!;
const files = readdirSync(dir);
const lines = (prefix: string) =>
  files
    .filter((f) => f.startsWith(prefix))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const benchFile = files
  .filter((f) => f.startsWith('bench-'))
  .sort()
  .at(-1)!;
const bench = JSON.parse(readFileSync(path.join(dir, benchFile), 'utf8')) as {
  edits: { seq: number; sent: number; answered: number }[];
  arrivals: Record<string, number>[];
  lags: { at: number; ms: number }[];
  loop: { p50: number; p99: number; max: number };
};
const stages = lines('stages-');
const probe = lines('probe-');
const post = new Map<number, Record<string, number>>();
const bySeq = new Map<number, Record<string, number>>();
for (const s of stages) {
  if (s.kind === 'post' && typeof s.seq === 'number')
    post.set(s.seq, s.t as Record<string, number>);
  if (s.kind === 'seq') {
    const t = s.t as Record<string, number>;
    const had = bySeq.get(s.seq as number) ?? {};
    for (const [k, v] of Object.entries(t))
      had[k] =
        had[k] === undefined ? v : k.endsWith('Last') ? Math.max(had[k], v) : Math.min(had[k], v);
    bySeq.set(s.seq as number, had);
  }
}
const http = new Map<number, { received: number; ended: number }>();
const writes = new Map<number, { first: number; last: number; n: number }>();
const serverLags: { at: number; ms: number }[] = [];
const gcs: { at: number; ms: number }[] = [];
for (const p of probe) {
  if (p.kind === 'http') http.set(p.seq as number, p as never);
  if (p.kind === 'write') {
    const w = p as { seq: number; first: number; last: number; n: number };
    const had = writes.get(w.seq);
    writes.set(
      w.seq,
      had
        ? { first: Math.min(had.first, w.first), last: Math.max(had.last, w.last), n: had.n + w.n }
        : { first: w.first, last: w.last, n: w.n },
    );
  }
  if (p.kind === 'lag') serverLags.push(p as never);
  if (p.kind === 'gc') gcs.push(p as never);
}

type Row = Record<string, number>;
const rows: Row[] = [];
// The warm-up's edits (another map) share the first seqs: leave them out.
for (const e of bench.edits) {
  if (e.seq <= 30) continue;
  const t = post.get(e.seq);
  const h = http.get(e.seq);
  const q = bySeq.get(e.seq);
  const w = writes.get(e.seq);
  if (!t || !h || !q || !w) continue;
  const arr = bench.arrivals
    .map((a) => a[e.seq])
    .filter((x): x is number => x !== undefined)
    .sort((a, b) => a - b);
  rows.push({
    seq: e.seq,
    sent: e.sent,
    'sent → Node got the request': h.received - e.sent,
    'Node → route handler (Next)': t.received! - h.received,
    'session (currentActor)': t.actor! - t.received!,
    'rate limit': t.limited! - t.actor!,
    authorize: t.authorized! - t.limited!,
    'body + held check': t.bodyRead! - t.authorized!,
    "wait for the process's earlier writers of the map": t.myTurn! - t.bodyRead!,
    'pool + BEGIN': t.txStarted! - (t.myTurn ?? t.bodyRead!),
    'map row lock wait': t.locked! - t.txStarted!,
    'apply ops (read, write rows)': t.worked! - t.locked!,
    'log insert + NOTIFY': t.logged! - t.worked!,
    'COMMIT (WAL flush)': t.committed! - t.logged!,
    'fan-out to 60 streams (enqueue)': t.fannedOut! - t.committed!,
    'commit → NOTIFY heard': q.notified !== undefined ? q.notified - t.committed! : NaN,
    'commit → first socket write': w.first - t.committed!,
    'first → last (60th) socket write': w.last - w.first,
    'last socket write → last reader': arr.at(-1)! - w.last,
    'handler answered → Node ended': h.ended - t.answered!,
    'POST answer (sent → answered)': e.answered - e.sent,
    'sent → first reader': arr[0]! - e.sent,
    'sent → median reader': arr[Math.floor(arr.length / 2)]! - e.sent,
    'sent → last reader': arr.at(-1)! - e.sent,
  });
}
const pct = (xs: number[], p: number) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const f = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(1));
const keys = Object.keys(rows[0] ?? {}).filter((k) => k !== 'seq' && k !== 'sent');
const slow = [...rows].sort((a, b) => b['sent → last reader']! - a['sent → last reader']!);
const worst = slow.slice(0, Math.max(1, Math.ceil(rows.length / 100)));
console.log(`${rows.length} edits joined of ${bench.edits.length}; slowest 1 %: ${worst.length}`);
console.log(['stage (ms)', 'p50', 'p95', 'p99', 'max', 'mean of slowest 1 %'].join(' | '));
for (const k of keys) {
  const xs = rows.map((r) => r[k]!);
  const mean = worst.reduce((a, r) => a + (r[k] ?? 0), 0) / worst.length;
  console.log(
    [k, f(pct(xs, 50)), f(pct(xs, 95)), f(pct(xs, 99)), f(pct(xs, 100)), f(mean)].join(' | '),
  );
}
// Pooled, as the bench reports it.
const pooled: number[] = [];
for (const e of bench.edits)
  for (const a of bench.arrivals) if (a[e.seq] !== undefined) pooled.push(a[e.seq]! - e.sent);
console.log(`pooled POST → reader: p50 ${f(pct(pooled, 50))} p99 ${f(pct(pooled, 99))}`);

const start = Math.min(...bench.edits.map((e) => e.sent));
const end = Math.max(...bench.edits.map((e) => e.answered)) + 1000;
const inRun = <T extends { at: number }>(xs: T[]) => xs.filter((x) => x.at >= start && x.at <= end);
const sum = (xs: { ms: number }[]) => xs.reduce((a, x) => a + x.ms, 0);
const sLag = inRun(serverLags);
const bLag = inRun(bench.lags);
const g = inRun(gcs);
console.log(
  `\nserver: ${sLag.length} stalls > 5 ms (max ${f(Math.max(0, ...sLag.map((x) => x.ms)))}, total ${f(sum(sLag))} ms); GC ${g.length} pauses, total ${f(sum(g))} ms, max ${f(Math.max(0, ...g.map((x) => x.ms)))}`,
);
console.log(
  `bench:  ${bLag.length} stalls > 5 ms (max ${f(Math.max(0, ...bLag.map((x) => x.ms)))}, total ${f(sum(bLag))} ms); loop delay p50 ${f(bench.loop.p50)} p99 ${f(bench.loop.p99)} max ${f(bench.loop.max)}`,
);
// The slowest edits: which stalls overlapped their window.
console.log('\nslowest edits: seq, total, biggest stages, overlapping stalls');
for (const r of worst.slice(0, 8)) {
  const from = r.sent!;
  const to = from + r['sent → last reader']!;
  const over = (xs: { at: number; ms: number }[]) => {
    const hit = xs.filter((x) => x.at < to && x.at + x.ms > from);
    return `${hit.length} (${f(sum(hit))} ms, max ${f(Math.max(0, ...hit.map((x) => x.ms)))})`;
  };
  const top = keys
    .filter((k) => !k.startsWith('sent →') && !k.startsWith('POST') && !k.includes('NOTIFY heard'))
    .map((k) => [k, r[k]!] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k, v]) => `${k} ${f(v)}`);
  console.log(
    `#${r.seq} ${f(r['sent → last reader']!)} ms: ${top.join('; ')} | server stalls ${over(serverLags)}, GC ${over(gcs)}, bench stalls ${over(bench.lags)}`,
  );
}
