import { describe, expect, it } from 'vitest';
import { MapStore, type SendResult, type StoreNotice } from '@/lib/client/map-store';
import { emptyGraph, ZOp, type TOp, type TOpInput } from '@/lib/domain/ops';

const op = (input: TOpInput): TOp => ZOp.parse(input);
const claim = (id: string, text = `Claim ${id}`) => op({ type: 'createNode', id, kind: 'CLAIM', text, x: 0, y: 0 });

/** A server stand-in at the network boundary: answers each batch as `decide` says, and records what it got. */
function server(decide: (ops: TOp[]) => SendResult = () => ({ ok: true, seq: 1 })) {
  const received: { ops: TOp[]; key: string }[] = [];
  return {
    received,
    send: async (ops: TOp[], key: string) => {
      received.push({ ops, key });
      await new Promise((r) => setTimeout(r, 1));
      return decide(ops);
    },
  };
}

const texts = (store: MapStore) =>
  [...store.getView().nodes.values()].filter((n) => !n.deleted).map((n) => n.text).sort();

describe('the editor store', () => {
  it('shows a change at once and sends it, in order, with a fresh idempotency key each', async () => {
    const fake = server();
    const store = new MapStore(emptyGraph(), fake.send);
    store.perform([claim('a')]);
    store.perform([op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Edited' })]);
    expect(texts(store)).toEqual(['Edited']);
    await store.settled();
    expect(fake.received.map((r) => r.ops[0]!.type)).toEqual(['createNode', 'updateNode']);
    expect(new Set(fake.received.map((r) => r.key)).size).toBe(2);
    expect(store.saving).toBe(false);
  });

  it('undoes and redoes through inverse ops that are sent like any edit', async () => {
    const fake = server();
    const store = new MapStore(emptyGraph(), fake.send);
    store.perform([claim('a', 'Original')]);
    store.perform([op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Edited' })]);
    expect(store.undo()).toBe(true);
    expect(texts(store)).toEqual(['Original']);
    expect(store.undo()).toBe(true);
    expect(texts(store)).toEqual([]);
    expect(store.canUndo).toBe(false);
    expect(store.redo()).toBe(true);
    expect(store.redo()).toBe(true);
    expect(texts(store)).toEqual(['Edited']);
    await store.settled();
    expect(fake.received.map((r) => r.ops[0]!.type)).toEqual(['createNode', 'updateNode', 'updateNode', 'deleteNode', 'restoreNode', 'updateNode']);
  });

  it('rolls back a refused change, with the later change built on it, and says why', async () => {
    const notices: StoreNotice[] = [];
    const fake = server((ops) => (ops[0]!.type === 'createNode' && ops[0]!.id === 'b' ? { ok: false, code: 'FORBIDDEN', message: 'You may not edit this map.' } : { ok: true, seq: 1 }));
    const store = new MapStore(emptyGraph(), fake.send, (n) => notices.push(n));
    store.perform([claim('a')]);
    store.perform([claim('b')]);
    store.perform([op({ type: 'createEdge', id: 'ab', fromId: 'a', toId: 'b', relation: 'SUPPORTS' })]);
    await store.settled();
    expect(texts(store)).toEqual(['Claim a']);
    expect(store.getView().edges.size).toBe(0);
    expect(notices).toEqual([{ kind: 'refused', message: 'You may not edit this map.' }]);
    expect(fake.received).toHaveLength(2);
    // Only the accepted change is left to undo.
    expect(store.undo()).toBe(true);
    expect(store.canUndo).toBe(false);
  });

  it('undoes a change the server could not receive and tells the user', async () => {
    const notices: StoreNotice[] = [];
    const store = new MapStore(emptyGraph(), async () => { throw new TypeError('fetch failed'); }, (n) => notices.push(n));
    store.perform([claim('a')]);
    await store.settled();
    expect(texts(store)).toEqual([]);
    expect(notices[0]!.kind).toBe('offline');
  });

  it('refuses locally what cannot apply, sending nothing', async () => {
    const notices: StoreNotice[] = [];
    const fake = server();
    const store = new MapStore(emptyGraph(), fake.send, (n) => notices.push(n));
    expect(store.perform([op({ type: 'deleteNode', id: 'ghost' })])).toBe(false);
    await store.settled();
    expect(fake.received).toHaveLength(0);
    expect(notices[0]).toEqual({ kind: 'local', message: 'The node does not exist on this map' });
  });
});
