/**
 * The benchmark's HTTP clients: node:http with keep-alive agents, as a
 * browser keeps its connections open, and SSE readers that time each event.
 */
import http from 'node:http';

/** Connections kept open, at most `sockets` at once (a browser allows 6 per host). */
export const keepAlive = (sockets: number) =>
  new http.Agent({ keepAlive: true, maxSockets: sockets });

export type Answer = { status: number; body: unknown };

/** POSTs JSON; resolves with the status and parsed body, or rejects on a network error or after 30 s. */
export function postJson(
  url: string,
  body: unknown,
  options: { agent: http.Agent; cookie?: string },
): Promise<Answer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: options.agent,
        timeout: 30_000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          // The app refuses writes that name no origin of its own (a browser always names one).
          origin: new URL(url).origin,
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let parsed: unknown = null;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = text;
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`POST ${url} timed out`)));
    request.on('error', reject);
    request.end(payload);
  });
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Streams are opened without keep-alive: each reader is its own connection, as each browser tab is. */
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

export type SseReader = {
  /** When each `ops` event (by seq) first arrived, in performance.now() time. */
  arrivals: Map<number, number>;
  duplicates: number;
  outOfOrder: number;
  ready: boolean;
  /** Why the stream ended early, if it did. */
  failure: string | null;
  stop: () => void;
};

/** One anonymous SSE reader of a map's stream, timing each `ops` event. */
export function sseReader(url: string): SseReader {
  const reader: SseReader = {
    arrivals: new Map(),
    duplicates: 0,
    outOfOrder: 0,
    ready: false,
    failure: null,
    stop: () => request.destroy(),
  };
  let last = -1;
  let text = '';
  let stopped = false;
  const request = http.get(url, { agent: streamAgent }, (response) => {
    if (response.statusCode !== 200) {
      reader.failure = `the stream answered ${response.statusCode}`;
      response.resume();
      return;
    }
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      const now = performance.now();
      text += chunk;
      let cut: number;
      while ((cut = text.indexOf('\n\n')) >= 0) {
        const frame = text.slice(0, cut);
        text = text.slice(cut + 2);
        if (frame.includes('event: ready')) reader.ready = true;
        const m = /^id: (\d+)\nevent: ops/m.exec(frame);
        if (!m) continue;
        const seq = Number(m[1]);
        if (reader.arrivals.has(seq)) reader.duplicates++;
        else reader.arrivals.set(seq, now);
        if (seq < last) reader.outOfOrder++;
        last = seq;
      }
    });
    response.on('end', () => {
      if (!stopped) reader.failure ??= 'the server ended the stream';
    });
  });
  request.on('error', (error) => {
    if (!stopped) reader.failure ??= error.message;
  });
  reader.stop = () => {
    stopped = true;
    request.destroy();
  };
  return reader;
}

/** Waits until every reader said `ready` (or failed); throws if some did not within `millis`. */
export async function allReady(readers: SseReader[], millis = 30_000) {
  const deadline = performance.now() + millis;
  while (!readers.every((r) => r.ready || r.failure)) {
    if (performance.now() > deadline) {
      const waiting = readers.filter((r) => !r.ready && !r.failure).length;
      throw new Error(`${waiting} of ${readers.length} streams were not ready after ${millis} ms`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const failed = readers.filter((r) => r.failure);
  if (failed.length)
    throw new Error(`${failed.length} streams failed to open: ${failed[0]!.failure}`);
}
