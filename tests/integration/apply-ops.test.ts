import { afterAll, describe, expect, it } from 'vitest';
import { createAnchor } from '@/lib/domain/anchor';
import type { TOpInput } from '@/lib/domain/ops';
import { addMember, createMap, createSource, testDb } from '../factories';
import { apply, claim, editableMap, errorOf, id, snapshot } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

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
