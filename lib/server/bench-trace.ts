import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A bench aid, off unless BENCH_TRACE=<dir> is set (docs/PERFORMANCE.md,
 * "The real-time benchmark"): wall-clock stamps of the stages of each edit
 * in the server (the op route's session check, rate limit, authorization,
 * transaction, lock, commit, fan-out; the LISTEN connection hearing its
 * NOTIFY; the first and last stream given its event), keyed by seq and
 * appended to <dir>/stages-<pid>.jsonl every second, for
 * bench/realtime-trace.ts to join with the bench's own times. Without
 * BENCH_TRACE every call returns at once.
 */
const dir = process.env.BENCH_TRACE || null;
type Stamps = Record<string, number>;
type Rec = { seq?: number; t: Stamps };
const store = new AsyncLocalStorage<Rec>();
const bySeq = new Map<number, Stamps>();
const done: Rec[] = [];
const now = () => performance.timeOrigin + performance.now();

if (dir) {
  setInterval(() => {
    if (done.length === 0 && bySeq.size === 0) return;
    const lines = done.splice(0).map((r) => JSON.stringify({ kind: 'post', seq: r.seq, t: r.t }));
    // Per-seq stamps as far as they go (the reader merges: first of each, last of `…Last`).
    for (const [seq, t] of bySeq) lines.push(JSON.stringify({ kind: 'seq', seq, t }));
    bySeq.clear();
    if (lines.length)
      appendFileSync(path.join(dir, `stages-${process.pid}.jsonl`), lines.join('\n') + '\n');
  }, 1000).unref();
}

export const tracing = dir !== null;

/** Runs one request with a record of its stages. */
export function traced<T>(run: () => Promise<T>): Promise<T> {
  if (!dir) return run();
  const rec: Rec = { t: { received: now() } };
  return store.run(rec, async () => {
    try {
      return await run();
    } finally {
      rec.t.answered = now();
      done.push(rec);
    }
  });
}

/** Stamps a stage of the current request (and names its seq, once known). */
export function stamp(stage: string, seq?: number) {
  if (!dir) return;
  const rec = store.getStore();
  if (!rec) return;
  rec.t[stage] = now();
  if (seq !== undefined) rec.seq = seq;
}

/** Stamps a stage of batch `seq` outside its request (first time only, or `last` every time). */
export function stampSeq(seq: number, stage: string, last = false) {
  if (!dir) return;
  let t = bySeq.get(seq);
  if (!t) bySeq.set(seq, (t = {}));
  if (last || t[stage] === undefined) t[stage] = now();
}
