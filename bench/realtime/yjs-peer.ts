/**
 * The peer: the same edits carried by Yjs through a Hocuspocus server.
 * A map is a Y.Map of nodes, each a Y.Map with x and y; an edit sets x, y
 * and the editor's mark (`by<editor>` = tick) in one transaction, and
 * readers observe the nodes. Latency is from the editor's transaction to the change being
 * observed at every reader.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { freePort } from '../../tests/support/free-port';
import { writeFileSync } from 'node:fs';
import { drive } from './drive';
import { benchLoopTrace } from './propagation';
import { deliveries, sleep, within, type Deliveries } from './stats';

const root = path.resolve(import.meta.dirname, '../..');

type Client = { doc: Y.Doc; provider: HocuspocusProvider };

function connect(url: string): Client {
  const doc = new Y.Doc();
  return { doc, provider: new HocuspocusProvider({ url, name: 'bench-map', document: doc }) };
}

export type YjsPeer = { offered: number; readers: number } & Deliveries;

export async function yjsPeer(options: {
  editors: number;
  readers: number;
  rate: number;
  seconds: number;
  nodes: number;
}): Promise<YjsPeer> {
  const port = await freePort();
  const server = spawn(path.join(root, 'node_modules/.bin/tsx'), ['bench/realtime-yjs-server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout!.on('data', (c: Buffer) => (log += c));
  server.stderr!.on('data', (c: Buffer) => (log += c));
  const clients: Client[] = [];
  try {
    await within(
      30_000,
      'starting the Hocuspocus server',
      (async () => {
        while (!log.includes('listening')) {
          if (server.exitCode !== null) throw new Error(`the Yjs server exited:\n${log}`);
          await sleep(50);
        }
      })(),
    );
    const url = `ws://127.0.0.1:${port}`;
    const seed = connect(url);
    clients.push(seed);
    seed.doc.transact(() => {
      const nodes = seed.doc.getMap<Y.Map<unknown>>('nodes');
      for (let i = 0; i < options.nodes; i++) {
        const node = new Y.Map<unknown>();
        node.set('x', (i % 6) * 300);
        node.set('y', Math.floor(i / 6) * 170);
        nodes.set(`n${i}`, node);
      }
    });
    const editors = Array.from({ length: options.editors }, () => connect(url));
    const readers = Array.from({ length: options.readers }, () => {
      const client = connect(url);
      const seen = {
        arrivals: new Map<string, number>(),
        duplicates: 0,
        outOfOrder: 0,
        lastTick: new Map<string, number>(),
      };
      client.doc.getMap('nodes').observeDeep((events) => {
        const now = performance.now();
        for (const event of events) {
          if (!(event instanceof Y.YMapEvent)) continue;
          for (const changed of event.keysChanged) {
            if (!changed.startsWith('by')) continue;
            const editor = changed.slice(2);
            const tick = Number((event.target as Y.Map<unknown>).get(changed));
            const key = `${editor}:${tick}`;
            if (seen.arrivals.has(key)) seen.duplicates++;
            else seen.arrivals.set(key, now);
            if (tick < (seen.lastTick.get(editor) ?? -1)) seen.outOfOrder++;
            seen.lastTick.set(editor, tick);
          }
        }
      });
      return { client, seen };
    });
    clients.push(...editors, ...readers.map((r) => r.client));
    await within(
      30_000,
      'syncing every Yjs client',
      (async () => {
        while (!clients.every((c) => c.doc.getMap('nodes').size === options.nodes)) await sleep(50);
      })(),
    );
    const trace = process.env.BENCH_TRACE ? benchLoopTrace() : null;
    const load = await drive({
      loops: options.editors,
      rate: options.rate,
      seconds: options.seconds,
      send: async (loop, tick) => {
        const { doc } = editors[loop]!;
        const node = doc.getMap<Y.Map<unknown>>('nodes').get(`n${(loop + tick) % options.nodes}`)!;
        const key = `${loop}:${tick}`;
        doc.transact(() => {
          node.set('x', loop * 10 + tick);
          node.set('y', tick);
          // Each editor marks its edits under its own key: two editors' concurrent
          // edits of one node then cannot hide one another's mark (Y.Map keeps
          // one of two concurrent writes to a key), while x and y still clash as
          // in the app.
          node.set(`by${loop}`, tick);
        });
        return { key };
      },
    });
    await sleep(3000);
    if (trace)
      writeFileSync(
        path.join(process.env.BENCH_TRACE!, `yjs-${Date.now()}.json`),
        JSON.stringify(trace.stop()),
      );
    return {
      offered: load.offered,
      readers: readers.length,
      ...deliveries(
        load.sentAt,
        readers.map((r) => r.seen),
      ),
    };
  } finally {
    for (const c of clients) c.provider.destroy();
    if (server.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}
