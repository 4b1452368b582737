/**
 * Propagation through the app: readers of a map's SSE stream on one or more
 * instances, editors posting to one instance; per group of readers, the
 * time from each POST being sent to its event arriving.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { appSender, drive } from './drive';
import { allReady, getJson, keepAlive, sseReader, type SseReader } from './http';
import { deliveries, sleep, summarise, type Deliveries, type Summary } from './stats';

export type Propagation = {
  offered: number;
  committed: number;
  committedPerSecond: number;
  refused: number;
  errors: string[];
  answer: Summary;
  groups: ({ label: string; readers: number } & Deliveries)[];
};

export async function propagation(options: {
  postTo: string;
  cookie: string;
  mapId: string;
  nodeIds: string[];
  readerGroups: { label: string; base: string; count: number }[];
  editors: number;
  rate: number;
  seconds: number;
}): Promise<Propagation> {
  const { postTo, mapId, editors, rate, seconds } = options;
  const { seq } = await getJson<{ seq: number }>(`${postTo}/api/maps/${mapId}`);
  const groups: { label: string; readers: SseReader[] }[] = [];
  try {
    for (const g of options.readerGroups) {
      const url = `${g.base}/api/maps/${mapId}/events?since=${seq}`;
      groups.push({
        label: g.label,
        readers: Array.from({ length: g.count }, () => sseReader(url)),
      });
    }
    await allReady(groups.flatMap((g) => g.readers));
    const trace = process.env.BENCH_TRACE ? benchLoopTrace() : null;
    const load = await drive({
      loops: editors,
      rate,
      seconds,
      // One keep-alive agent per editor, as each student has a browser.
      send: appSender({
        ...options,
        base: postTo,
        agents: Array.from({ length: editors }, () => keepAlive(6)),
      }),
    });
    // Time for the last edits to reach every reader.
    await sleep(3000);
    if (trace) {
      const epoch = (t: number) => performance.timeOrigin + t;
      const { lags, loop } = trace.stop();
      writeFileSync(
        path.join(process.env.BENCH_TRACE!, `bench-${Date.now()}.json`),
        JSON.stringify({
          edits: [...load.sentAt].map(([seq, sent]) => ({
            seq,
            sent: epoch(sent),
            answered: epoch(load.answeredAt.get(seq)!),
          })),
          arrivals: groups.flatMap((g) =>
            g.readers.map((r) =>
              Object.fromEntries([...r.arrivals].map(([s, t]) => [s, epoch(t)])),
            ),
          ),
          lags,
          loop,
        }),
      );
    }
    return {
      offered: load.offered,
      committed: load.sentAt.size,
      committedPerSecond: load.sentAt.size / seconds,
      refused: load.refused,
      errors: load.errors,
      answer: summarise(load.answerLatencies),
      groups: groups.map((g) => ({
        label: g.label,
        readers: g.readers.length,
        ...deliveries(load.sentAt, g.readers),
      })),
    };
  } finally {
    for (const g of groups) for (const r of g.readers) r.stop();
  }
}

/**
 * A few edits and a stream on each instance before anything is measured, so
 * the first scenario does not pay for cold code paths and empty caches.
 */
export async function warmUp(options: {
  bases: string[];
  cookie: string;
  mapId: string;
  nodeIds: string[];
}) {
  const { bases, mapId } = options;
  const readers = [];
  for (const base of bases) {
    const { seq } = await getJson<{ seq: number }>(`${base}/api/maps/${mapId}`);
    readers.push(sseReader(`${base}/api/maps/${mapId}/events?since=${seq}`));
  }
  try {
    await allReady(readers);
    const send = appSender({ ...options, base: bases[0]!, agents: [keepAlive(2)] });
    for (let tick = 0; tick < 20; tick++) await send(0, tick);
    await sleep(500);
  } finally {
    for (const r of readers) r.stop();
  }
}

/**
 * With BENCH_TRACE=<dir> (bench/realtime-trace.ts): the bench process's own event-loop stalls
 * while it drives the load (a 5 ms timer late by more than 5 ms), so the
 * harness's delay can be told from the app's.
 */
export function benchLoopTrace() {
  const lags: { at: number; ms: number }[] = [];
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const now = () => performance.timeOrigin + performance.now();
  let expected = now() + 5;
  const timer = setInterval(() => {
    const t = now();
    if (t - expected > 5) lags.push({ at: expected, ms: t - expected });
    expected = t + 5;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      histogram.disable();
      return {
        lags,
        loop: {
          p50: histogram.percentile(50) / 1e6,
          p99: histogram.percentile(99) / 1e6,
          max: histogram.max / 1e6,
        },
      };
    },
  };
}
