import { afterAll, describe, expect, it } from 'vitest';
import { createAnchor } from '@/lib/domain/anchor';
import type { TOpInput } from '@/lib/domain/ops';
import type { Actor } from '@/lib/server/authz';
import { toErrorResponse } from '@/lib/server/errors';
import { readOpsRequest } from '@/lib/server/maps/apply-ops';
import { createMap, createSource, testDb } from '../factories';
import { apply, claim, editableMap, errorOf, id, snapshot } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

/** What the ops route answers a request's body with, when reading it is refused. */
async function answerTo(request: Request) {
  try {
    await readOpsRequest(request);
  } catch (error) {
    return toErrorResponse(error);
  }
  throw new Error('the request was accepted');
}

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
    const { status, body: json } = await answerTo(
      new Request('http://test/api/maps/x/ops', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', origin: 'http://test' },
      }),
    );
    expect(status).toBe(400);
    expect(json.error.code).toBe('VALIDATION_FAILED');
    expect(json.error.message.startsWith(`${field}:`)).toBe(true);
  });

  it('answers a malformed JSON body with 400 BAD_REQUEST', async () => {
    const { status, body } = await answerTo(
      new Request('http://test/x', {
        method: 'POST',
        body: '{"ops": [',
        headers: { 'content-type': 'application/json', origin: 'http://test' },
      }),
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
    });
  });
});
