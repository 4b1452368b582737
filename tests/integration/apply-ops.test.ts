import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/maps/[id]/ops/route';
import { createAnchor } from '@/lib/domain/anchor';
import type { TOpInput } from '@/lib/domain/ops';
import type { Actor } from '@/lib/server/authz';
import { AppError } from '@/lib/server/errors';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { addMember, createMap, createSource, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const id = () => randomUUID();

async function editableMap() {
  const map = await createMap();
  return { map, editor: await addMember(map.id, 'EDITOR') };
}

function apply(actor: Actor, mapId: string, ops: TOpInput[], idempotencyKey?: string) {
  return applyMapOps(actor, mapId, ZApplyOpsInput.parse({ ops, idempotencyKey }));
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const claim = (nodeId: string, text = 'A claim'): TOpInput => ({
  type: 'createNode',
  id: nodeId,
  kind: 'CLAIM',
  text,
  x: 10,
  y: 20,
});

async function snapshot(mapId: string) {
  const [nodes, edges, map, ops] = await Promise.all([
    testDb().node.findMany({ where: { mapId }, orderBy: { id: 'asc' } }),
    testDb().edge.findMany({ where: { mapId }, orderBy: { id: 'asc' } }),
    testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } }),
    testDb().mapOp.count({ where: { mapId } }),
  ]);
  return { nodes, edges, lastSeq: map.lastSeq, ops };
}

describe('applying ops to a map', () => {
  it('creates, edits, moves, deletes and restores nodes and edges, logging each batch with the next seq', async () => {
    const { map, editor } = await editableMap();
    const [a, b, e] = [id(), id(), id()];
    const first = await apply(editor, map.id, [
      claim(a),
      claim(b, 'Another'),
      { type: 'createEdge', id: e, fromId: b, toId: a, relation: 'SUPPORTS' },
    ]);
    expect(first).toMatchObject({ seq: 1, duplicate: false });
    expect(first.nodes.map((n) => n.version)).toEqual([1, 1]);

    const steps: TOpInput[][] = [
      [
        {
          type: 'updateNode',
          id: a,
          baseVersion: 1,
          text: 'Edited claim',
          kind: 'OBJECTION',
          side: 'AGAINST',
        },
      ],
      [{ type: 'moveNodes', moves: [{ id: a, x: 300, y: -40 }] }],
      [{ type: 'updateEdge', id: e, baseVersion: 1, relation: 'ATTACKS' }],
      [{ type: 'deleteNode', id: a }],
    ];
    for (const [i, ops] of steps.entries())
      expect((await apply(editor, map.id, ops)).seq).toBe(i + 2);

    let state = await snapshot(map.id);
    const nodeA = state.nodes.find((n) => n.id === a)!;
    expect(nodeA).toMatchObject({
      text: 'Edited claim',
      kind: 'OBJECTION',
      side: 'AGAINST',
      x: 300,
      y: -40,
      version: 2,
    });
    expect(nodeA.deletedAt).toBeInstanceOf(Date);
    expect(state.edges[0]).toMatchObject({ relation: 'ATTACKS', version: 2 });
    expect(state.edges[0]!.deletedAt).toBeInstanceOf(Date);
    expect(nodeA.createdById).toBe(editor.userId);

    await apply(editor, map.id, [{ type: 'restoreNode', id: a, edgeIds: [e] }]);
    await apply(editor, map.id, [{ type: 'deleteEdge', id: e }]);
    await apply(editor, map.id, [{ type: 'restoreEdge', id: e }]);
    state = await snapshot(map.id);
    expect(state.nodes.every((n) => n.deletedAt === null)).toBe(true);
    expect(state.edges[0]!.deletedAt).toBeNull();
    expect(state).toMatchObject({ lastSeq: 8, ops: 8 });
    const log = await testDb().mapOp.findMany({
      where: { mapId: map.id },
      orderBy: { seq: 'asc' },
    });
    expect(log.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(log[0]!.actorId).toBe(editor.userId);
    expect((log[1]!.op as { ops: TOpInput[] }).ops[0]).toMatchObject({
      type: 'updateNode',
      text: 'Edited claim',
    });
  });

  it('creates evidence anchored to a passage of the map’s source', async () => {
    const { map, editor } = await editableMap();
    const source = await createSource(
      map.id,
      'The CSTO was established in 2002 as a collective security organization.',
    );
    const anchor = createAnchor(source.id, source.text, 4, 8);
    const nodeId = id();
    await apply(editor, map.id, [
      {
        type: 'createNode',
        id: nodeId,
        kind: 'EVIDENCE',
        text: 'It is the CSTO',
        x: 0,
        y: 0,
        anchor,
      },
    ]);
    const node = await testDb().node.findUniqueOrThrow({ where: { id: nodeId } });
    expect(node).toMatchObject({
      sourceId: source.id,
      anchorExact: 'CSTO',
      anchorStart: 4,
      anchorEnd: 8,
      anchorPrefix: 'The ',
    });
  });
});

describe('bad input leaves nothing half-applied', () => {
  async function expectRejected(
    ops: TOpInput[],
    code: string,
    setup?: (mapId: string, actor: Actor) => Promise<void>,
  ) {
    const { map, editor } = await editableMap();
    await setup?.(map.id, editor);
    const before = await snapshot(map.id);
    const error = await errorOf(apply(editor, map.id, ops));
    expect(error.code).toBe(code);
    expect(await snapshot(map.id)).toEqual(before);
    return error;
  }

  it('refuses an edge from a node to itself', async () => {
    const a = id();
    await expectRejected(
      [claim(a), { type: 'createEdge', id: id(), fromId: a, toId: a, relation: 'SUPPORTS' }],
      'VALIDATION_FAILED',
    );
  });

  it('refuses a duplicate edge, keeping the first node of the batch out too', async () => {
    const [a, b] = [id(), id()];
    await expectRejected(
      [claim(id()), { type: 'createEdge', id: id(), fromId: a, toId: b, relation: 'ATTACKS' }],
      'DUPLICATE_EDGE',
      async (mapId, actor) => {
        await apply(actor, mapId, [
          claim(a),
          claim(b),
          { type: 'createEdge', id: id(), fromId: a, toId: b, relation: 'ATTACKS' },
        ]);
      },
    );
  });

  it('refuses an edge to a deleted node', async () => {
    const [a, b] = [id(), id()];
    await expectRejected(
      [{ type: 'createEdge', id: id(), fromId: a, toId: b, relation: 'SUPPORTS' }],
      'DELETED',
      async (mapId, actor) => {
        await apply(actor, mapId, [claim(a), claim(b), { type: 'deleteNode', id: b }]);
      },
    );
  });

  it('refuses an edge to a node of another map, and an edit of another map’s node, as not found', async () => {
    const other = await createMap();
    const foreign = id();
    await testDb().node.create({
      data: { id: foreign, mapId: other.id, kind: 'CLAIM', text: 'Elsewhere' },
    });
    const a = id();
    await expectRejected(
      [claim(a), { type: 'createEdge', id: id(), fromId: a, toId: foreign, relation: 'ATTACKS' }],
      'NOT_FOUND',
    );
    await expectRejected(
      [{ type: 'updateNode', id: foreign, baseVersion: 1, text: 'Hijacked' }],
      'NOT_FOUND',
    );
    expect((await testDb().node.findUniqueOrThrow({ where: { id: foreign } })).text).toBe(
      'Elsewhere',
    );
  });

  it('refuses a node whose id is taken on another map', async () => {
    const other = await createMap();
    const taken = id();
    await testDb().node.create({
      data: { id: taken, mapId: other.id, kind: 'CLAIM', text: 'Elsewhere' },
    });
    await expectRejected([claim(taken)], 'ID_TAKEN');
  });

  it('refuses a text edit based on a stale version, answering with the current text', async () => {
    const a = id();
    const error = await expectRejected(
      [{ type: 'updateNode', id: a, baseVersion: 1, text: 'My version' }],
      'STALE_VERSION',
      async (mapId, actor) => {
        await apply(actor, mapId, [claim(a, 'Original')]);
        await apply(actor, mapId, [
          { type: 'updateNode', id: a, baseVersion: 1, text: 'Their version' },
        ]);
      },
    );
    expect(error.details).toMatchObject({ current: { id: a, text: 'Their version', version: 2 } });
  });

  it('applies an undo that expects the values it set, and refuses it after someone else’s change', async () => {
    const { map, editor } = await editableMap();
    const a = id();
    await apply(editor, map.id, [claim(a, 'Original')]);
    await apply(editor, map.id, [{ type: 'updateNode', id: a, baseVersion: 1, text: 'Mine' }]);
    await apply(editor, map.id, [
      { type: 'updateNode', id: a, expect: { text: 'Mine' }, text: 'Original' },
    ]);
    expect((await testDb().node.findUniqueOrThrow({ where: { id: a } })).text).toBe('Original');
    await apply(editor, map.id, [{ type: 'updateNode', id: a, baseVersion: 3, text: 'Theirs' }]);
    const error = await errorOf(
      apply(editor, map.id, [
        { type: 'updateNode', id: a, expect: { text: 'Original' }, text: 'Mine' },
      ]),
    );
    expect(error.code).toBe('STALE_VERSION');
    expect((await testDb().node.findUniqueOrThrow({ where: { id: a } })).text).toBe('Theirs');
  });

  it('refuses an anchor into another map’s source, or one whose quote is not at its offsets', async () => {
    const other = await createMap();
    const foreign = await createSource(other.id, 'Some other article entirely.');
    await expectRejected(
      [
        {
          type: 'createNode',
          id: id(),
          kind: 'EVIDENCE',
          text: 'Quoted',
          x: 0,
          y: 0,
          anchor: createAnchor(foreign.id, foreign.text, 0, 4),
        },
      ],
      'VALIDATION_FAILED',
    );
    const { map, editor } = await editableMap();
    const source = await createSource(map.id, 'Exactly this text.');
    const wrong = { ...createAnchor(source.id, source.text, 0, 7), exact: 'Exactlx' };
    const error = await errorOf(
      apply(editor, map.id, [
        { type: 'createNode', id: id(), kind: 'EVIDENCE', text: 'Q', x: 0, y: 0, anchor: wrong },
      ]),
    );
    expect(error.message).toContain('does not match the source text');
  });

  it.each([
    [
      'empty text',
      { ops: [{ type: 'createNode', id: 'n1', kind: 'CLAIM', text: '', x: 0, y: 0 }] },
      'ops.0.text',
    ],
    [
      'text over 5,000 characters',
      {
        ops: [{ type: 'createNode', id: 'n1', kind: 'CLAIM', text: 'x'.repeat(5001), x: 0, y: 0 }],
      },
      'ops.0.text',
    ],
    [
      'an unknown kind',
      { ops: [{ type: 'createNode', id: 'n1', kind: 'RUMOUR', text: 'x', x: 0, y: 0 }] },
      'ops.0.kind',
    ],
    [
      'an unknown relation',
      { ops: [{ type: 'createEdge', id: 'e1', fromId: 'a', toId: 'b', relation: 'LOVES' }] },
      'ops.0.relation',
    ],
    ['no ops', { ops: [] }, 'ops'],
    ['a body that is not an op batch', { hello: 'world' }, 'ops'],
  ])('answers %s with 400 VALIDATION_FAILED naming the field', async (_name, body, field) => {
    const { map } = await editableMap();
    const response = await POST(
      new Request('http://test/api/maps/x/ops', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      }),
      { params: Promise.resolve({ id: map.id }) },
    );
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json.error.code).toBe('VALIDATION_FAILED');
    expect(json.error.message.startsWith(`${field}:`)).toBe(true);
  });

  it('answers a malformed JSON body with 400 BAD_REQUEST', async () => {
    const { map } = await editableMap();
    const response = await POST(
      new Request('http://test/x', { method: 'POST', body: '{"ops": [' }),
      { params: Promise.resolve({ id: map.id }) },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
    });
  });
});

describe('who may apply ops', () => {
  it.each(['VIEWER', 'COMMENTER'] as const)('a %s is refused with FORBIDDEN', async (role) => {
    const map = await createMap();
    const member = await addMember(map.id, role);
    expect((await errorOf(apply(member, map.id, [claim(id())]))).code).toBe('FORBIDDEN');
    expect(await testDb().node.count({ where: { mapId: map.id } })).toBe(0);
  });

  // Over real HTTP (the session comes from a cookie) this is checked in tests/e2e/editing.test.ts.
  it('a visitor posting to a public map is refused with FORBIDDEN', async () => {
    const map = await createMap({ isPublic: true });
    expect((await errorOf(apply({ kind: 'anonymous' }, map.id, [claim(id())]))).code).toBe(
      'FORBIDDEN',
    );
    expect(await testDb().node.count({ where: { mapId: map.id } })).toBe(0);
  });

  it('a stranger to a private map is told it does not exist', async () => {
    const map = await createMap();
    const stranger = await addMember((await createMap()).id, 'EDITOR');
    expect((await errorOf(apply(stranger, map.id, [claim(id())]))).code).toBe('NOT_FOUND');
  });
});

describe('retries and concurrent writers', () => {
  it('applies a retried submission once, answering the first seq', async () => {
    const { map, editor } = await editableMap();
    const key = `key-${id()}`;
    const ops = [claim(id())];
    const first = await apply(editor, map.id, ops, key);
    const retry = await apply(editor, map.id, ops, key);
    expect(retry).toEqual({ seq: first.seq, duplicate: true, nodes: [], edges: [] });
    expect(await testDb().node.count({ where: { mapId: map.id } })).toBe(1);
  });

  it('gives concurrent batches distinct consecutive seqs and loses none of them', async () => {
    const { map, editor } = await editableMap();
    const ids = Array.from({ length: 8 }, id);
    const results = await Promise.all(ids.map((nodeId) => apply(editor, map.id, [claim(nodeId)])));
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await testDb().node.count({ where: { mapId: map.id } })).toBe(8);
  });
});
