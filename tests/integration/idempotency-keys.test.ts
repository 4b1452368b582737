import { afterAll, describe, expect, it } from 'vitest';
import { applySocialOps, ZApplySocialOpsInput } from '@/lib/server/social/apply-social-ops';
import { addMember, createMap, createNode, testDb } from '../factories';
import { apply, claim, id } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

describe('idempotency keys belong to the actor who sent them', () => {
  it('two editors who happen to send the same key both get their own batch applied and their own answer; a retry is still a no-op', async () => {
    const map = await createMap();
    const [amira, ben] = [await addMember(map.id, 'EDITOR'), await addMember(map.id, 'EDITOR')];
    const key = `same-key-${id()}`;
    const [a, b] = [id(), id()];

    const first = await apply(amira, map.id, [claim(a, 'Amira’s claim')], key);
    const second = await apply(ben, map.id, [claim(b, 'Ben’s claim')], key);
    expect(first).toMatchObject({ seq: 1, duplicate: false, nodes: [{ id: a, version: 1 }] });
    expect(second).toMatchObject({ seq: 2, duplicate: false, nodes: [{ id: b, version: 1 }] });

    // True retries by each: nothing new, each answered with their own first seq.
    expect(await apply(amira, map.id, [claim(a, 'Amira’s claim')], key)).toEqual({
      seq: 1,
      duplicate: true,
      nodes: [],
      edges: [],
    });
    expect(await apply(ben, map.id, [claim(b, 'Ben’s claim')], key)).toEqual({
      seq: 2,
      duplicate: true,
      nodes: [],
      edges: [],
    });
    const nodes = await testDb().node.findMany({
      where: { mapId: map.id },
      orderBy: { text: 'asc' },
    });
    expect(nodes.map((n) => [n.text, n.createdById])).toEqual([
      ['Amira’s claim', amira.userId],
      ['Ben’s claim', ben.userId],
    ]);
    const log = await testDb().mapOp.findMany({
      where: { mapId: map.id },
      orderBy: { seq: 'asc' },
    });
    expect(log.map((r) => [r.seq, r.actorId, r.idempotencyKey])).toEqual([
      [1, amira.userId, key],
      [2, ben.userId, key],
    ]);
  });

  it('comments: the same key from two commenters posts both comments, and each retry answers its own inverse', async () => {
    const map = await createMap();
    const node = await createNode(map.id, { text: 'A claim to discuss' });
    const [amira, ben] = [
      await addMember(map.id, 'COMMENTER'),
      await addMember(map.id, 'COMMENTER'),
    ];
    const key = `same-key-${id()}`;
    const [ca, cb] = [id(), id()];
    const post = (actor: typeof amira, commentId: string, body: string) =>
      applySocialOps(
        actor,
        map.id,
        ZApplySocialOpsInput.parse({
          ops: [{ type: 'addComment', id: commentId, nodeId: node.id, body }],
          idempotencyKey: key,
        }),
      );

    expect(await post(amira, ca, 'From Amira')).toEqual({
      seq: 1,
      duplicate: false,
      inverse: [{ type: 'deleteComment', id: ca }],
    });
    expect(await post(ben, cb, 'From Ben')).toEqual({
      seq: 2,
      duplicate: false,
      inverse: [{ type: 'deleteComment', id: cb }],
    });
    expect(await post(ben, cb, 'From Ben')).toEqual({
      seq: 2,
      duplicate: true,
      inverse: [{ type: 'deleteComment', id: cb }],
    });
    const comments = await testDb().comment.findMany({
      where: { mapId: map.id },
      orderBy: { body: 'asc' },
    });
    expect(comments.map((c) => [c.body, c.authorId])).toEqual([
      ['From Amira', amira.userId],
      ['From Ben', ben.userId],
    ]);
  });
});
