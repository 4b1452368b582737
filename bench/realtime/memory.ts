/**
 * Idle readers' memory: the server's RSS and heap (after a full collection
 * by the heap probe) before and after `count` SSE readers connect and sit
 * idle; the difference divided by the count.
 */
import { sampleMemory, type App, type MemorySample } from './apps';
import { allReady, getJson, sseReader, type SseReader } from './http';
import { sleep } from './stats';

export type IdleMemory = {
  readers: number;
  before: MemorySample;
  after: MemorySample;
  rssPerReader: number;
  heapPerReader: number | null;
};

export async function idleMemory(options: {
  app: App;
  mapId: string;
  count: number;
  settleSeconds: number;
}): Promise<IdleMemory> {
  const { app, mapId, count } = options;
  await sleep(options.settleSeconds * 1000);
  const before = await sampleMemory(app);
  const readers: SseReader[] = [];
  try {
    const { seq } = await getJson<{ seq: number }>(`${app.base}/api/maps/${mapId}`);
    // In batches, as a class arrives: the server has no queue for a thousand at once.
    for (let i = 0; i < count; i += 50) {
      const batch = Array.from({ length: Math.min(50, count - i) }, () =>
        sseReader(`${app.base}/api/maps/${mapId}/events?since=${seq}`),
      );
      readers.push(...batch);
      await allReady(batch, 60_000);
    }
    await sleep(options.settleSeconds * 1000);
    if (readers.some((r) => r.failure))
      throw new Error(`an idle stream ended: ${readers.find((r) => r.failure)!.failure}`);
    const after = await sampleMemory(app);
    return {
      readers: count,
      before,
      after,
      rssPerReader: (after.rss - before.rss) / count,
      heapPerReader:
        after.heapUsed !== null && before.heapUsed !== null
          ? (after.heapUsed - before.heapUsed) / count
          : null,
    };
  } finally {
    for (const r of readers) r.stop();
  }
}
