/**
 * One-node edit latency against map size: single moveNodes edits, one at a
 * time, alternating between a demo-sized map and a large one, each with one
 * reader; POST → answer and POST → event at the reader.
 */
import type { BenchMap } from './fixtures';
import { allReady, getJson, keepAlive, postJson, sseReader } from './http';
import { sleep, summarise, type Summary } from './stats';

export type MapSizeRow = { nodes: number; answer: Summary; reader: Summary; missing: number };

export async function mapSize(options: {
  base: string;
  cookie: string;
  maps: BenchMap[];
  edits: number;
}): Promise<MapSizeRow[]> {
  const { base, cookie, maps, edits } = options;
  const agent = keepAlive(1);
  const readers = [];
  try {
    for (const map of maps) {
      const { seq } = await getJson<{ seq: number }>(`${base}/api/maps/${map.id}`);
      readers.push(sseReader(`${base}/api/maps/${map.id}/events?since=${seq}`));
    }
    await allReady(readers);
    const answers = maps.map(() => [] as number[]);
    const arrivals = maps.map(() => [] as number[]);
    const missing = maps.map(() => 0);
    // The first three edits of each map warm up plans and code paths; not counted.
    for (let i = -3; i < edits; i++) {
      for (const [m, map] of maps.entries()) {
        const id = map.nodeIds[((i + 3) * 7919) % map.nodeIds.length]!;
        const sent = performance.now();
        const answer = await postJson(
          `${base}/api/maps/${map.id}/ops`,
          {
            ops: [{ type: 'moveNodes', moves: [{ id, x: i, y: i }] }],
            idempotencyKey: crypto.randomUUID(),
          },
          { agent, cookie },
        );
        const answered = performance.now();
        if (answer.status !== 200)
          throw new Error(
            `an edit of the ${map.nodeIds.length}-node map answered ${answer.status}`,
          );
        const seq = (answer.body as { seq: number }).seq;
        const reader = readers[m]!;
        for (let w = 0; w < 1000 && !reader.arrivals.has(seq); w++) await sleep(2);
        const at = reader.arrivals.get(seq);
        if (i < 0) continue;
        answers[m]!.push(answered - sent);
        if (at === undefined) missing[m]!++;
        else arrivals[m]!.push(at - sent);
        await sleep(20);
      }
    }
    return maps.map((map, m) => ({
      nodes: map.nodeIds.length,
      answer: summarise(answers[m]!),
      reader: summarise(arrivals[m]!),
      missing: missing[m]!,
    }));
  } finally {
    for (const r of readers) r.stop();
    agent.destroy();
  }
}
