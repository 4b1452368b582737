import { describe, expect, it } from 'vitest';
import { MapStore, type SendResult, type StoreNotice } from '@/lib/client/map-store';
import { graphStateOf, type TOp } from '@/lib/domain/ops';
import { op } from '../support/ops';

const claim = (id: string, text = `Claim ${id}`) =>
  op({ type: 'createNode', id, kind: 'CLAIM', text, x: 0, y: 0 });

/** A server stand-in at the network boundary: answers each batch as `decide` says, and records what it got. */
function server(decide: (ops: TOp[]) => SendResult | 'accept' = () => 'accept') {
  const received: { ops: TOp[]; key: string }[] = [];
  let seq = 0;
  return {
    received,
    send: async (ops: TOp[], key: string): Promise<SendResult> => {
      received.push({ ops, key });
      await new Promise((r) => setTimeout(r, 1));
      const answer = decide(ops);
      return answer === 'accept' ? { ok: true, seq: ++seq } : answer;
    },
  };
}

const texts = (store: MapStore) =>
  [...store.getView().nodes.values()]
    .filter((n) => !n.deleted)
    .map((n) => n.text)
    .sort();

describe('the editor store', () => {
  it('shows a change at once and sends it, in order, with a fresh idempotency key each', async () => {
    const fake = server();
    const store = new MapStore(graphStateOf([], []), fake.send);
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
    const store = new MapStore(graphStateOf([], []), fake.send);
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
    expect(fake.received.map((r) => r.ops[0]!.type)).toEqual([
      'createNode',
      'updateNode',
      'updateNode',
      'deleteNode',
      'restoreNode',
      'updateNode',
    ]);
  });

  it('rolls back a refused change, with the later change built on it, and says why', async () => {
    const notices: StoreNotice[] = [];
    const fake = server((ops) =>
      ops[0]!.type === 'createNode' && ops[0]!.id === 'b'
        ? { ok: false, code: 'FORBIDDEN', message: 'You may not edit this map.' }
        : 'accept',
    );
    const store = new MapStore(graphStateOf([], []), fake.send, (n) => notices.push(n));
    store.perform([claim('a')]);
    store.perform([claim('b')]);
    store.perform([
      op({ type: 'createEdge', id: 'ab', fromId: 'a', toId: 'b', relation: 'SUPPORTS' }),
    ]);
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
    const store = new MapStore(
      graphStateOf([], []),
      async () => {
        throw new TypeError('fetch failed');
      },
      (n) => notices.push(n),
      { retryDelays: [1, 1] },
    );
    store.perform([claim('a')]);
    await store.settled();
    expect(texts(store)).toEqual([]);
    expect(notices[0]!.kind).toBe('offline');
  });

  it('refuses locally what cannot apply, sending nothing', async () => {
    const notices: StoreNotice[] = [];
    const fake = server();
    const store = new MapStore(graphStateOf([], []), fake.send, (n) => notices.push(n));
    expect(store.perform([op({ type: 'deleteNode', id: 'ghost' })])).toBe(false);
    await store.settled();
    expect(fake.received).toHaveLength(0);
    expect(notices[0]).toEqual({ kind: 'local', message: 'The node does not exist on this map' });
  });
});

describe('the editor store in a shared map', () => {
  it('forgets the quote of a deleted card whose source was removed: Undo brings it back without one, as the server does', async () => {
    const fake = server();
    const anchor = { sourceId: 's1', exact: 'Sleep', prefix: '', suffix: '', start: 0, end: 5 };
    const card = { underline: [], highlight: [[0, 5]] as [number, number][] };
    const evidence = (id: string) =>
      op({ type: 'createNode', id, kind: 'EVIDENCE', text: id, x: 0, y: 0, anchor, card });
    const store = new MapStore(graphStateOf([], []), fake.send);
    store.perform([evidence('gone')]);
    store.perform([op({ type: 'deleteNode', id: 'gone' })]);
    await store.settled();
    // Another source removed: nothing changes.
    store.forgetSource('s2', 3);
    expect(store.getView().nodes.get('gone')!.anchor).toEqual(anchor);
    // Its source removed as batch 3 (the server refuses while a live card quotes it).
    store.forgetSource('s1', 3);
    expect(store.seq).toBe(3);
    expect(store.undo()).toBe(true);
    expect(store.getView().nodes.get('gone')).toMatchObject({
      deleted: false,
      anchor: null,
      card: null,
    });
    await store.settled();
    expect(fake.received.at(-1)!.ops).toEqual([{ type: 'restoreNode', id: 'gone', edgeIds: [] }]);
  });

  it('shows others’ batches under its own pending ones, and applies its own batch once whether the stream or the answer comes first', async () => {
    let release: (r: SendResult) => void = () => {};
    let sentKey = '';
    const store = new MapStore(graphStateOf([], []), (_ops, key) => {
      sentKey = key;
      return new Promise<SendResult>((resolve) => (release = resolve));
    });
    store.perform([claim('mine')]);
    // Someone else's batch 1 arrives while ours is on its way.
    store.receive({ seq: 1, actorId: 'someone-else', key: 'theirs-1', ops: [claim('theirs')] });
    expect(texts(store)).toEqual(['Claim mine', 'Claim theirs']);
    // The stream shows ours as batch 2 before the POST answers...
    store.receive({ seq: 2, actorId: null, key: sentKey, ops: [claim('mine')] });
    release({ ok: true, seq: 2 });
    await store.settled();
    // ...and the answer changes nothing more.
    expect(texts(store)).toEqual(['Claim mine', 'Claim theirs']);
    expect(store.seq).toBe(2);
    expect(store.saving).toBe(false);
    // A repeat of a batch already in place is ignored.
    store.receive({ seq: 2, actorId: null, key: null, ops: [claim('mine')] });
    expect(store.seq).toBe(2);
  });

  it('applies another person’s batch that happens to carry its key as theirs, keeping its own pending change', async () => {
    let release: (r: SendResult) => void = () => {};
    let sentKey = '';
    const notices: StoreNotice[] = [];
    const store = new MapStore(
      graphStateOf([], []),
      (_ops, key) => {
        sentKey = key;
        return new Promise<SendResult>((resolve) => (release = resolve));
      },
      (n) => notices.push(n),
      { actorId: 'me' },
    );
    store.perform([claim('mine')]);
    // Keys are chosen by each client: someone else's client picked the same one.
    store.receive({ seq: 1, actorId: 'someone-else', key: sentKey, ops: [claim('theirs')] });
    expect(texts(store)).toEqual(['Claim mine', 'Claim theirs']);
    expect(store.saving).toBe(true);
    // Ours is still ours: the server refuses it, and the reader is told.
    release({ ok: false, code: 'FORBIDDEN', message: 'No longer an editor.' });
    await store.settled();
    expect(texts(store)).toEqual(['Claim theirs']);
    expect(notices.map((n) => n.message)).toEqual(['No longer an editor.']);
  });

  it('takes its own batch back from the stream only as its own actor, at the seq the server gave it', async () => {
    let release: (r: SendResult) => void = () => {};
    let sentKey = '';
    const store = new MapStore(
      graphStateOf([], []),
      (_ops, key) => {
        sentKey = key;
        return new Promise<SendResult>((resolve) => (release = resolve));
      },
      () => {},
      { actorId: 'me' },
    );
    store.perform([claim('mine')]);
    store.receive({ seq: 1, actorId: 'someone-else', key: sentKey, ops: [claim('theirs')] });
    store.receive({ seq: 2, actorId: 'me', key: sentKey, ops: [claim('mine')] });
    release({ ok: true, seq: 2 });
    await store.settled();
    expect(texts(store)).toEqual(['Claim mine', 'Claim theirs']);
    expect(store.seq).toBe(2);
    expect(store.saving).toBe(false);
  });

  it('resends a batch with the same key while the server is unavailable, then succeeds', async () => {
    const keys: string[] = [];
    let calls = 0;
    const store = new MapStore(
      graphStateOf([], []),
      async (_ops, key) => {
        keys.push(key);
        calls++;
        return calls < 3
          ? { ok: false, code: 'UNAVAILABLE', message: 'down' }
          : { ok: true, seq: 1 };
      },
      () => {},
      { retryDelays: [1, 1, 1] },
    );
    store.perform([claim('a')]);
    await store.settled();
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(texts(store)).toEqual(['Claim a']);
    expect(store.seq).toBe(1);
  });

  it('asks for a fresh snapshot when the stream skips past what it can follow', () => {
    let outOfStep = 0;
    const store = new MapStore(
      graphStateOf([], []),
      async () => ({ ok: true, seq: 1 }),
      () => {},
      { onOutOfStep: () => outOfStep++ },
    );
    store.receive({ seq: 3, actorId: 'someone-else', key: null, ops: [claim('x')] });
    expect(outOfStep).toBe(1);
    expect(texts(store)).toEqual([]);
  });

  it('reports a refused text edit as a conflict carrying both versions', async () => {
    const notices: StoreNotice[] = [];
    const theirs = {
      id: 'a',
      kind: 'CLAIM' as const,
      text: 'Their wording',
      side: 'NEUTRAL' as const,
      x: 0,
      y: 0,
      version: 2,
      anchor: null,
      deleted: false,
    };
    const initial = new MapStore(graphStateOf([], []), async () => ({ ok: true, seq: 1 }));
    initial.perform([claim('a', 'Original')]);
    const store = new MapStore(
      initial.getView(),
      async () => ({
        ok: false,
        code: 'STALE_VERSION',
        message: 'Someone else changed this',
        current: theirs,
      }),
      (n) => notices.push(n),
    );
    store.perform([op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'My wording' })]);
    await store.settled();
    expect(notices[0]!.conflict).toEqual({ nodeId: 'a', mine: 'My wording', theirs });
    expect(texts(store)).toEqual(['Original']);
  });

  it('refuses a text edit based on a version the stream already replaced with the same conflict, and sends nothing', async () => {
    const notices: StoreNotice[] = [];
    const fake = server();
    const initial = new MapStore(graphStateOf([], []), async () => ({ ok: true, seq: 1 }));
    initial.perform([claim('a', 'Original')]);
    const store = new MapStore(initial.getView(), fake.send, (n) => notices.push(n), { seq: 1 });
    store.receive({
      seq: 2,
      actorId: 'someone-else',
      key: null,
      ops: [op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Their wording' })],
    });
    expect(
      store.perform([op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'My wording' })]),
    ).toBe(false);
    await store.settled();
    expect(fake.received).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.conflict).toMatchObject({
      nodeId: 'a',
      mine: 'My wording',
      theirs: { id: 'a', text: 'Their wording', version: 2 },
    });
    expect(texts(store)).toEqual(['Their wording']);
  });
});
