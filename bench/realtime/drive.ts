/**
 * Open-loop load: `loops` senders, each sending `rate` edits a second on a
 * fixed schedule whether or not earlier edits were answered (as students
 * do not wait for each other), staggered across the second. Latency is from
 * the send to its answer; an edit that would exceed `maxInFlight` is shed
 * by the client and counted, so an overloaded server cannot pile up an
 * unbounded queue.
 */
import { postJson, type keepAlive } from './http';
import { sleep } from './stats';

/** What a sender learns: the key readers will see (the seq), or a refusal. */
export type Sent = { key: number | string } | { refused: string };

export type Drive = {
  offered: number;
  shed: number;
  refused: number;
  /** First few refusals and errors, for the report. */
  errors: string[];
  /** Each committed edit's key and when it was sent (performance.now()). */
  sentAt: Map<number | string, number>;
  /** Each committed edit's answer time (performance.now()). */
  answeredAt: Map<number | string, number>;
  answerLatencies: number[];
  /** Seconds from the first send to the last answer. */
  elapsed: number;
};

export async function drive(options: {
  loops: number;
  rate: number;
  seconds: number;
  send: (loop: number, tick: number) => Promise<Sent>;
  maxInFlight?: number;
}): Promise<Drive> {
  const { loops, rate, seconds, send, maxInFlight = Infinity } = options;
  const result: Drive = {
    offered: 0,
    shed: 0,
    refused: 0,
    errors: [],
    sentAt: new Map(),
    answeredAt: new Map(),
    answerLatencies: [],
    elapsed: 0,
  };
  const note = (message: string) => {
    if (result.errors.length < 5) result.errors.push(message);
  };
  let inFlight = 0;
  let lastAnswer = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const loop = async (l: number) => {
    const pending: Promise<void>[] = [];
    for (let tick = 0; ; tick++) {
      const due = start + ((tick + l / loops) * 1000) / rate;
      if (due >= end) break;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      result.offered++;
      if (inFlight >= maxInFlight) {
        result.shed++;
        continue;
      }
      inFlight++;
      const sent = performance.now();
      pending.push(
        send(l, tick)
          .then(
            (outcome) => {
              const now = performance.now();
              lastAnswer = Math.max(lastAnswer, now);
              if ('refused' in outcome) {
                result.refused++;
                note(outcome.refused);
              } else {
                result.sentAt.set(outcome.key, sent);
                result.answeredAt.set(outcome.key, now);
                result.answerLatencies.push(now - sent);
              }
            },
            (error: unknown) => {
              result.refused++;
              note(error instanceof Error ? error.message : String(error));
            },
          )
          .finally(() => inFlight--),
      );
    }
    await Promise.all(pending);
  };
  await Promise.all(Array.from({ length: loops }, (_, l) => loop(l)));
  result.elapsed = (Math.max(lastAnswer, end) - start) / 1000;
  return result;
}

/** A sender that posts one moveNodes op per edit to the app's op route. */
export function appSender(options: {
  base: string;
  mapId: string;
  nodeIds: string[];
  cookie: string;
  agents: ReturnType<typeof keepAlive>[];
}) {
  const { base, mapId, nodeIds, cookie, agents } = options;
  return async (loop: number, tick: number): Promise<Sent> => {
    const id = nodeIds[(loop + tick) % nodeIds.length]!;
    const answer = await postJson(
      `${base}/api/maps/${mapId}/ops`,
      {
        ops: [{ type: 'moveNodes', moves: [{ id, x: loop * 10 + tick, y: tick }] }],
        idempotencyKey: crypto.randomUUID(),
      },
      { agent: agents[loop % agents.length]!, cookie },
    );
    if (answer.status !== 200)
      return { refused: `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}` };
    return { key: (answer.body as { seq: number }).seq };
  };
}
