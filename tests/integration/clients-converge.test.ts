import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MapStore, type RemoteBatch } from '@/lib/client/map-store';
import { graphStateOf, type TOp } from '@/lib/domain/ops';
import { addMember, createMap, testDb } from '../factories';
import { everything, live, replayedLog, send, storedGraph } from '../support/concurrency';

afterAll(async () => {
  await testDb().$disconnect();
});

/**
 * Simulated clients: MapStore instances sending to the real use case, with
 * answers lost on the way back (the store resends under the same key), and
 * streams that drop and later catch up from the log. All must end equal to
 * the server. Seeds that once failed are pinned below.
 */
describe('clients converge', () => {
  const PINNED_SEEDS: number[] = [];

  const action = fc.record({
    client: fc.nat(2),
    kind: fc.constantFrom(
      'create',
      'create',
      'edit',
      'move',
      'move',
      'delete',
      'connect',
      'undo',
      'redo',
      'disconnect',
      'deliver',
      'deliver',
    ),
    pick: fc.nat(),
    pick2: fc.nat(),
    loseAnswer: fc.boolean(),
  });

  type Action = { client: number; kind: string; pick: number; pick2: number; loseAnswer: boolean };
  async function run(actions: Action[]) {
    const map = await createMap();
    const actors = await Promise.all([0, 1, 2].map(() => addMember(map.id, 'EDITOR')));
    let loseNext = [false, false, false];
    const connected = [true, true, true];
    const stores = actors.map(
      (actor, c) =>
        new MapStore(
          graphStateOf([], []),
          async (ops, key, intent) => {
            const result = await send(actor, map.id, ops, key, intent);
            if (loseNext[c] && result.ok) {
              loseNext[c] = false;
              return { ok: false, code: 'UNAVAILABLE', message: 'answer lost' };
            }
            return result;
          },
          () => {},
          { retryDelays: [1, 1, 1, 1, 1], actorId: actor.userId },
        ),
    );
    const deliver = async (c: number) => {
      const store = stores[c]!;
      const rows = await testDb().mapOp.findMany({
        where: { mapId: map.id, seq: { gt: store.seq } },
        orderBy: { seq: 'asc' },
      });
      for (const row of rows)
        store.receive({
          seq: row.seq,
          actorId: row.actorId,
          key: row.idempotencyKey,
          ops: (row.op as { ops: TOp[] }).ops,
        } satisfies RemoteBatch);
    };
    let counter = 0;
    for (const a of actions) {
      const store = stores[a.client]!;
      const nodes = [...store.getView().nodes.values()].filter((n) => !n.deleted);
      const node = nodes.length ? nodes[a.pick % nodes.length] : undefined;
      const other = nodes.length ? nodes[a.pick2 % nodes.length] : undefined;
      loseNext = loseNext.map((v, i) => (i === a.client ? a.loseAnswer : v));
      switch (a.kind) {
        case 'create':
          store.perform([
            {
              type: 'createNode',
              id: `c${a.client}-${counter++}-${randomUUID().slice(0, 8)}`,
              kind: 'CLAIM',
              text: `Claim ${counter}`,
              side: 'NEUTRAL',
              x: counter,
              y: 0,
              anchor: null,
              card: null,
            },
          ]);
          break;
        case 'edit':
          if (node)
            store.perform([
              {
                type: 'updateNode',
                id: node.id,
                baseVersion: node.version,
                text: `Edited ${counter++}`,
              },
            ]);
          break;
        case 'move':
          if (node)
            store.perform([
              { type: 'moveNodes', moves: [{ id: node.id, x: a.pick2 % 1000, y: a.pick % 1000 }] },
            ]);
          break;
        case 'delete':
          if (node) store.perform([{ type: 'deleteNode', id: node.id }]);
          break;
        case 'connect':
          if (node && other && node.id !== other.id)
            store.perform([
              {
                type: 'createEdge',
                id: randomUUID(),
                fromId: node.id,
                toId: other.id,
                relation: 'SUPPORTS',
                groupId: null,
              },
            ]);
          break;
        case 'undo':
          store.undo();
          break;
        case 'redo':
          store.redo();
          break;
        case 'disconnect':
          connected[a.client] = !connected[a.client];
          break;
      }
      await store.settled();
      for (let c = 0; c < 3; c++)
        if (connected[c] && (a.kind === 'deliver' || c === a.client)) await deliver(c);
    }
    for (const store of stores) await store.settled();
    for (let c = 0; c < 3; c++) await deliver(c);
    const server = live(await storedGraph(map.id));
    for (const store of stores) expect(live(store.getView())).toEqual(server);
    expect(everything(await storedGraph(map.id))).toEqual(everything(await replayedLog(map.id)));
  }

  for (const seed of PINNED_SEEDS) {
    it(`pinned seed ${seed}`, async () => {
      await fc.assert(fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 30 }), run), {
        seed,
        numRuns: 1,
      });
    }, 120_000);
  }

  it('three clients with random edits, undos, lost answers and dropped streams all end equal to the server', async () => {
    await fc.assert(fc.asyncProperty(fc.array(action, { minLength: 10, maxLength: 40 }), run), {
      numRuns: 40,
    });
  }, 300_000);
});
