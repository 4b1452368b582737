/**
 * Preloaded into the benchmark's app servers (NODE_OPTIONS="--expose-gc
 * --import bench/realtime-heap-probe.ts"; never into a real deployment):
 * on SIGUSR2 the process collects its garbage and writes
 * process.memoryUsage() to BENCH_PROBE_DIR/<pid>.json, so the idle-reader
 * scenario can read the server's heap, not only its RSS, from outside.
 * Plain erasable TypeScript: Node strips the types itself.
 */
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';

const dir = process.env.BENCH_PROBE_DIR;
if (dir) {
  process.on('SIGUSR2', () => {
    (globalThis as { gc?: () => void }).gc?.();
    const file = path.join(dir, `${process.pid}.json`);
    // Written aside and renamed, so the reader never sees half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
    renameSync(`${file}.tmp`, file);
  });
}

/*
 * With BENCH_TRACE=<dir> (lib/server/bench-trace.ts, bench/realtime-trace.ts): what the server's event loop and sockets
 * did, for bench/realtime-trace.ts: event-loop stalls (a 5 ms timer late by
 * more than 5 ms), GC pauses, each POST …/ops as Node received it and
 * answered it (by the seq in its answer), and the first and last socket
 * write of each `ops` event (by seq). Appended to <dir>/probe-<pid>.jsonl.
 */
const trace = process.env.BENCH_TRACE;
if (trace) {
  const now = () => performance.timeOrigin + performance.now();
  const lines: string[] = [];
  const out = (o: unknown) => lines.push(JSON.stringify(o));
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let expected = now() + 5;
  setInterval(() => {
    const t = now();
    if (t - expected > 5) out({ kind: 'lag', at: expected, ms: t - expected });
    expected = t + 5;
  }, 5).unref();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      out({
        kind: 'gc',
        at: performance.timeOrigin + e.startTime,
        ms: e.duration,
        gc: (e as { detail?: { kind?: number } }).detail?.kind,
      });
  }).observe({ entryTypes: ['gc'] });
  const writes = new Map<number, { first: number; last: number; n: number }>();
  const origEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [
        { method?: string; url?: string },
        { end: (...a: unknown[]) => unknown },
      ];
      if (req.method === 'POST' && req.url?.endsWith('/ops')) {
        const received = now();
        let text = '';
        const keep = (chunk: unknown) => {
          if (typeof chunk === 'string') text += chunk;
          else if (chunk instanceof Uint8Array) text += Buffer.from(chunk).toString();
        };
        const r = res as unknown as {
          write: (...a: unknown[]) => boolean;
          end: (...a: unknown[]) => unknown;
          once: (e: string, f: () => void) => void;
        };
        const ownWrite = r.write;
        const ownEnd = r.end;
        r.write = function (this: unknown, ...a: unknown[]) {
          keep(a[0]);
          return ownWrite.apply(this, a);
        };
        r.end = function (this: unknown, ...a: unknown[]) {
          if (typeof a[0] !== 'function') keep(a[0]);
          const ended = now();
          const seq = Number(/"seq":(\d+)/.exec(text)?.[1]);
          if (seq) out({ kind: 'http', seq, received, ended });
          return ownEnd.apply(this, a);
        };
      }
    }
    return (origEmit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof origEmit;
  const origWrite = http.ServerResponse.prototype.write;
  http.ServerResponse.prototype.write = function (this: unknown, ...a: unknown[]) {
    const chunk = a[0];
    if (
      chunk instanceof Uint8Array &&
      chunk[0] === 0x69 &&
      chunk[1] === 0x64 &&
      chunk[2] === 0x3a
    ) {
      const head = Buffer.from(
        chunk.buffer,
        chunk.byteOffset,
        Math.min(40, chunk.length),
      ).toString();
      const m = /^id: (\d+)\nevent: ops/.exec(head);
      if (m) {
        const seq = Number(m[1]);
        const t = now();
        const w = writes.get(seq);
        if (w) {
          w.last = t;
          w.n++;
        } else writes.set(seq, { first: t, last: t, n: 1 });
      }
    }
    return (origWrite as (...a: unknown[]) => boolean).apply(this, a);
  } as typeof origWrite;
  setInterval(() => {
    // As far as they go: the reader merges (first of `first`, last of `last`, sum of `n`).
    for (const [seq, w] of writes) out({ kind: 'write', seq, ...w });
    writes.clear();
    out({
      kind: 'loop',
      at: now(),
      p50: histogram.percentile(50) / 1e6,
      p99: histogram.percentile(99) / 1e6,
      max: histogram.max / 1e6,
    });
    histogram.reset();
    if (lines.length)
      appendFileSync(
        path.join(trace, `probe-${process.pid}.jsonl`),
        lines.splice(0).join('\n') + '\n',
      );
  }, 1000).unref();
}
