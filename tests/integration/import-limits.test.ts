import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_EDGES } from '@/lib/domain/interchange';
import { estimateNodeHeight, NODE_WIDTH } from '@/lib/domain/layout';
import type { Actor } from '@/lib/server/authz';
import { readBytesBody } from '@/lib/server/http';
import { importMap } from '@/lib/server/maps/import-map';
import { layoutOffThread } from '@/lib/server/maps/layout-off-thread';
import { createUser, testDb } from '../factories';
import { refusalOf } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});

/**
 * An AIF file of a few kB with one inference (RA node) from k premises to k
 * conclusions and no positions: k² connections for the server to lay out.
 */
function aifBomb(k: number): string {
  const nodes = [{ nodeID: 'ra', text: 'Default Inference', type: 'RA' }];
  const edges: { edgeID: string; fromID: string; toID: string }[] = [];
  for (let i = 0; i < k; i++) {
    nodes.push({ nodeID: `p${i}`, text: `Premise ${i}`, type: 'I' });
    nodes.push({ nodeID: `c${i}`, text: `Conclusion ${i}`, type: 'I' });
    edges.push({ edgeID: `ep${i}`, fromID: `p${i}`, toID: 'ra' });
    edges.push({ edgeID: `ec${i}`, fromID: 'ra', toID: `c${i}` });
  }
  return JSON.stringify({ nodes, edges });
}

const mapsOf = (userId: string) => testDb().argumentMap.count({ where: { ownerId: userId } });

/** The most connections one imported node may have (lib/domain/interchange.ts). */
const MAX_IMPORT_EDGES_PER_NODE = 200;

describe('importing a file that describes far more than it weighs', () => {
  it('refuses 14,400 connections from 23 kB of AIF by its limit, before any layout, and writes nothing', async () => {
    const owner = await user();
    const bomb = aifBomb(120);
    expect(bomb.length).toBeLessThan(25_000);
    expect(await refusalOf(() => importMap(owner, { text: bomb, fileName: 'bomb.json' }))).toBe(
      `VALIDATION_FAILED: The file makes 14400 connections; at most ${MAX_IMPORT_EDGES} can be imported.`,
    );
    expect(await mapsOf(owner.userId)).toBe(0);
  });

  it('refuses a node with more connections than one node may have, naming it', async () => {
    const owner = await user();
    const k = MAX_IMPORT_EDGES_PER_NODE + 1;
    const nodes = [
      { nodeID: 'hub', text: 'The hub claim', type: 'I' },
      ...Array.from({ length: k }, (_, i) => [
        { nodeID: `p${i}`, text: `Reason ${i}`, type: 'I' },
        { nodeID: `ra${i}`, text: 'Default Inference', type: 'RA' },
      ]).flat(),
    ];
    const edges = Array.from({ length: k }, (_, i) => [
      { edgeID: `a${i}`, fromID: `p${i}`, toID: `ra${i}` },
      { edgeID: `b${i}`, fromID: `ra${i}`, toID: 'hub' },
    ]).flat();
    const text = JSON.stringify({ nodes, edges });
    expect(await refusalOf(() => importMap(owner, { text, fileName: 'hub.json' }))).toBe(
      `VALIDATION_FAILED: The node "The hub claim" has more than ${MAX_IMPORT_EDGES_PER_NODE} connections; at most ${MAX_IMPORT_EDGES_PER_NODE} can be imported.`,
    );
    expect(await mapsOf(owner.userId)).toBe(0);
  });

  it('lays a dense graph out off the request thread: the server keeps answering meanwhile', async () => {
    const owner = await user();
    // k = 20 (3 kB, 400 connections) held the server's own thread for 5.9 s.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const imported = await importMap(owner, { text: aifBomb(20), fileName: 'dense.json' });
    delay.disable();
    expect(imported.format).toBe('aif');
    const map = await testDb().argumentMap.findUniqueOrThrow({
      where: { id: imported.id },
      include: { nodes: true, _count: { select: { edges: true } } },
    });
    expect(map.nodes).toHaveLength(40);
    expect(map._count.edges).toBe(400);
    // Laid out: the cards are spread over the canvas, not stacked at one point.
    expect(new Set(map.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(40);
    // The longest the server's thread was held at a time: a stall would be seconds.
    expect(delay.max / 1e6).toBeLessThan(1_000);
  });

  it('gives up a layout that overruns its time budget, with a clear refusal', async () => {
    const input = {
      nodes: Array.from({ length: 40 }, (_, i) => ({
        id: `n${i}`,
        width: NODE_WIDTH,
        height: estimateNodeHeight('A premise', false),
      })),
      edges: Array.from({ length: 400 }, (_, i) => ({
        id: `e${i}`,
        fromId: `n${i % 20}`,
        toId: `n${20 + Math.floor(i / 20)}`,
      })),
    };
    expect(await refusalOf(() => layoutOffThread(input, { ms: 1, heapMb: 256 }))).toBe(
      'VALIDATION_FAILED: The map is too tangled to lay out on the server. Give its nodes positions, or import it in smaller parts.',
    );
    // The next layout, within its budget, still runs.
    const small = { nodes: input.nodes.slice(0, 3), edges: [] };
    expect((await layoutOffThread(small)).size).toBe(3);
  });
});

describe('reading a request body', () => {
  it('stops reading a chunked body as soon as it passes the limit', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(120);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 200 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    // No Content-Length: the size is known only by reading.
    const request = new Request('http://localhost/api/maps/import', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'application/octet-stream', origin: 'http://localhost' },
    } as RequestInit);
    expect(await refusalOf(() => readBytesBody(request, 1_000_000))).toBe(
      'PAYLOAD_TOO_LARGE: The request is larger than 1 MB.',
    );
    // Read up to just past 1 MB (and what the stream had queued), not 200 MB.
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });
});
