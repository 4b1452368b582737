import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSocialOpInput } from '@/lib/domain/social';
import type { Actor } from '@/lib/server/authz';
import { AppError } from '@/lib/server/errors';
import { openMapStream } from '@/lib/server/realtime/map-stream';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { resolveShareLink, shareLinkActor } from '@/lib/server/share-links/resolve-share-link';
import { applySocialOps, ZApplySocialOpsInput } from '@/lib/server/social/apply-social-ops';
import { getSocialView } from '@/lib/server/social/get-social-view';
import { setLayersRevealed } from '@/lib/server/social/set-layers-revealed';
import { addMember, createEdge, createMap, createNode, createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

type User = Actor & { kind: 'user' };
let mapId = '';
let nodeId = '';
let owner: User;
let amira: User; // team Red
let ben: User; // team Blue
let viewer: User;
let red = '';
let blue = '';

const send = (actor: Actor, ops: TSocialOpInput[]) =>
  applySocialOps(actor, mapId, ZApplySocialOpsInput.parse({ ops, idempotencyKey: randomUUID() }));
const note = (teamId: string, body: string, id = randomUUID()): TSocialOpInput => ({
  type: 'upsertAnnotation',
  id,
  teamId,
  target: { kind: 'NODE', nodeId },
  kind: 'NOTE',
  body,
});

async function code(promise: Promise<unknown>) {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  const ownerUser = await createUser();
  owner = { kind: 'user', userId: ownerUser.id };
  const map = await createMap({ ownerId: ownerUser.id });
  mapId = map.id;
  nodeId = (await createNode(mapId, { text: 'Russia failed Armenia' })).id;
  amira = await addMember(mapId, 'EDITOR');
  ben = await addMember(mapId, 'COMMENTER');
  viewer = await addMember(mapId, 'VIEWER');
  red = (
    await testDb().team.create({ data: { mapId, name: 'Red', color: '#b91c1c', side: 'FOR' } })
  ).id;
  blue = (
    await testDb().team.create({ data: { mapId, name: 'Blue', color: '#1d4ed8', side: 'AGAINST' } })
  ).id;
  await testDb().teamMember.createMany({
    data: [
      { teamId: red, userId: amira.userId },
      { teamId: blue, userId: ben.userId },
    ],
  });
  await send(amira, [note(red, 'Red secret: attack their Article 4 reading')]);
  await send(ben, [note(blue, 'Blue secret: concede the arms sales')]);
});

const allText = (value: unknown) => JSON.stringify(value);

describe('team layers stay with their team', () => {
  it("through the API view: each student gets only their own team's layer; the owner gets every layer", async () => {
    const forAmira = await getSocialView(amira, mapId);
    expect(forAmira.layers.map((l) => l.name)).toEqual(['Red']);
    expect(allText(forAmira)).toContain('Red secret');
    expect(allText(forAmira)).not.toContain('Blue secret');
    const forBen = await getSocialView(ben, mapId);
    expect(allText(forBen)).not.toContain('Red secret');
    const forOwner = await getSocialView(owner, mapId);
    expect(forOwner.layers.map((l) => l.name).sort()).toEqual(['Blue', 'Red']);
    expect(allText(await getSocialView(viewer, mapId))).not.toMatch(/Red secret|Blue secret/);
  });

  it('through pages: the map snapshot a page renders carries no team notes at all', async () => {
    expect(allText(await getMapSnapshot(amira, mapId))).not.toMatch(/Red secret|Blue secret/);
  });

  it('through share links: a link visitor sees comments but no layer', async () => {
    const { token } = await createShareLink(owner, mapId, { role: 'EDITOR', expiresInDays: 0 });
    const visitor = shareLinkActor(await resolveShareLink(token));
    const view = await getSocialView(visitor, mapId);
    expect(view.layers).toEqual([]);
    expect(allText(view)).not.toMatch(/Red secret|Blue secret/);
  });

  it("through the stream: another team's note batch never reaches a student, not even as a nudge", async () => {
    const abort = new AbortController();
    const reader = (await openMapStream(ben, mapId, 0, abort.signal)).getReader();
    let text = '';
    while (!text.includes('id: 2\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    abort.abort();
    // Batch 1 is Red's note: Ben (Blue) never hears of it. Batch 2 is Blue's own.
    expect(text).not.toMatch(/id: 1\nevent: social/);
    expect(text).toContain('id: 2\nevent: social');
    expect(text).not.toMatch(/Red secret|Blue secret/);
  });

  it('after the owner reveals the layers, every member reads them all, and still writes only their own', async () => {
    await setLayersRevealed(owner, mapId, true);
    const forBen = await getSocialView(ben, mapId);
    expect(forBen.layers.map((l) => l.name).sort()).toEqual(['Blue', 'Red']);
    expect(allText(forBen)).toContain('Red secret');
    expect(await code(send(ben, [note(red, 'Blue writing in Red')]))).toBe('FORBIDDEN');
    await setLayersRevealed(owner, mapId, false);
    expect(allText(await getSocialView(ben, mapId))).not.toContain('Red secret');
  });
});

describe('comments', () => {
  it('threads: reply, resolve and reopen; only the author edits or deletes; a viewer cannot comment', async () => {
    const root = randomUUID();
    await send(ben, [
      { type: 'addComment', id: root, nodeId, body: 'Is this claim sourced? @Amira' },
    ]);
    await send(amira, [
      {
        type: 'addComment',
        id: randomUUID(),
        parentId: root,
        body: 'Yes: Turchenko, paragraph 3.',
      },
    ]);
    await send(amira, [{ type: 'resolveThread', id: root, resolved: true }]);
    let view = await getSocialView(viewer, mapId);
    expect(view.comments.filter((c) => c.parentId === root)).toHaveLength(1);
    expect(view.comments.find((c) => c.id === root)!.resolved).toBe(true);
    await send(ben, [{ type: 'resolveThread', id: root, resolved: false }]);
    expect((await getSocialView(viewer, mapId)).comments.find((c) => c.id === root)!.resolved).toBe(
      false,
    );

    expect(
      await code(
        send(amira, [{ type: 'editComment', id: root, body: 'Hijacked', baseVersion: 1 }]),
      ),
    ).toBe('FORBIDDEN');
    expect(await code(send(amira, [{ type: 'deleteComment', id: root }]))).toBe('FORBIDDEN');
    expect(
      await code(send(viewer, [{ type: 'addComment', id: randomUUID(), nodeId, body: 'Viewer' }])),
    ).toBe('FORBIDDEN');
    view = await getSocialView(viewer, mapId);
    expect(view.comments.find((c) => c.id === root)!.body).toBe('Is this claim sourced? @Amira');
    expect(view.canComment).toBe(false);
  });

  it('@mentions name people on the map: recorded on the comment, offered to commenters, and never a stranger', async () => {
    const stranger = await createUser();
    const root = randomUUID();
    await send(ben, [
      { type: 'addComment', id: root, nodeId, body: 'Over to you', mentions: [amira.userId] },
    ]);
    const view = await getSocialView(amira, mapId);
    expect(view.comments.find((c) => c.id === root)!.mentions).toEqual([amira.userId]);
    // Everyone who can read the map can be mentioned; a viewer, who cannot comment, gets no roster.
    expect(view.people.map((p) => p.id).sort()).toEqual(
      [owner.userId, amira.userId, ben.userId, viewer.userId].sort(),
    );
    expect((await getSocialView(viewer, mapId)).people).toEqual([]);
    const before = await testDb().comment.count({ where: { mapId } });
    expect(
      await code(
        send(ben, [
          { type: 'addComment', id: randomUUID(), nodeId, body: 'Psst', mentions: [stranger.id] },
        ]),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await code(
        send(ben, [
          { type: 'editComment', id: root, body: 'Psst', mentions: [stranger.id], baseVersion: 1 },
        ]),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(await testDb().comment.count({ where: { mapId } })).toBe(before);
    expect((await getSocialView(amira, mapId)).comments.find((c) => c.id === root)!.body).toBe(
      'Over to you',
    );
  });

  it('threads and team notes on a connection, like on a node', async () => {
    const other = await createNode(mapId, { text: 'Armenia never asked' });
    const edge = await createEdge(mapId, other.id, nodeId, 'ATTACKS');
    const root = randomUUID();
    await send(ben, [
      { type: 'addComment', id: root, edgeId: edge.id, body: 'Does this attack really land?' },
    ]);
    await send(amira, [
      {
        type: 'upsertAnnotation',
        id: randomUUID(),
        teamId: red,
        target: { kind: 'EDGE', edgeId: edge.id },
        kind: 'NOTE',
        body: 'Red: weak link',
      },
    ]);
    const [amiraView, benView] = await Promise.all([
      getSocialView(amira, mapId),
      getSocialView(ben, mapId),
    ]);
    expect(amiraView.comments.find((c) => c.id === root)).toMatchObject({
      edgeId: edge.id,
      nodeId: null,
    });
    expect(
      amiraView.layers
        .find((l) => l.mine)!
        .annotations.some((a) => a.target.kind === 'EDGE' && a.body === 'Red: weak link'),
    ).toBe(true);
    expect(allText(benView)).not.toContain('Red: weak link');
  });

  it('undo of comments and notes survives a reload: the history is rebuilt from the op log with each batch’s inverse', async () => {
    const map = await createMap({ ownerId: owner.userId });
    const claim = await createNode(map.id, { text: 'A claim to discuss' });
    const team = await testDb().team.create({
      data: { mapId: map.id, name: 'Solo', color: '#000', side: 'FOR' },
    });
    await testDb().teamMember.create({ data: { teamId: team.id, userId: owner.userId } });
    const post = (ops: TSocialOpInput[], intent: 'do' | 'undo' | 'redo' = 'do') =>
      applySocialOps(
        owner,
        map.id,
        ZApplySocialOpsInput.parse({ ops, idempotencyKey: randomUUID(), intent }),
      );
    const noteId = randomUUID();
    const commentId = randomUUID();
    const target = { kind: 'NODE' as const, nodeId: claim.id };
    await post([
      {
        type: 'upsertAnnotation',
        id: noteId,
        teamId: team.id,
        target,
        kind: 'NOTE',
        body: 'First thought',
      },
    ]);
    await post([
      {
        type: 'upsertAnnotation',
        id: noteId,
        teamId: team.id,
        target,
        kind: 'NOTE',
        body: 'Second thought',
      },
    ]);
    const added = await post([
      { type: 'addComment', id: commentId, nodeId: claim.id, body: 'Hello' },
    ]);
    expect(added.inverse).toEqual([{ type: 'deleteComment', id: commentId }]);

    // A fresh page: the steps come back, newest last, each undoing its batch.
    let history = (await getSocialView(owner, map.id, { withHistory: true })).history!;
    expect(history.undo.map((e) => e.ops)).toEqual([
      [{ type: 'deleteAnnotation', id: noteId }],
      [expect.objectContaining({ type: 'upsertAnnotation', id: noteId, body: 'First thought' })],
      [{ type: 'deleteComment', id: commentId }],
    ]);
    expect(history.redo).toEqual([]);
    // The stream's refetches do not re-read the log.
    expect((await getSocialView(owner, map.id)).history).toBeUndefined();

    // Undo the newest two after the reload, as the page would.
    for (const step of history.undo.slice(-2).reverse()) await post(step.ops, 'undo');
    const view = await getSocialView(owner, map.id, { withHistory: true });
    expect(view.comments.some((c) => c.id === commentId)).toBe(false);
    expect(view.layers[0]!.annotations.find((a) => a.id === noteId)!.body).toBe('First thought');
    history = view.history!;
    expect(history.undo).toHaveLength(1);
    // A deleted comment cannot come back (no redo step); the note's edit can be redone.
    expect(history.redo.map((e) => e.ops[0]!.type)).toEqual(['upsertAnnotation']);
    // Another reader's history is their own.
    expect(
      (await getSocialView(amira, mapId, { withHistory: true })).history!.undo.every((e) =>
        e.ops.every((op) => op.type !== 'deleteComment' || op.id !== commentId),
      ),
    ).toBe(true);
  });

  it('refuses bad input with a 4xx code and stores nothing', async () => {
    const otherMap = await createMap();
    const otherNode = await createNode(otherMap.id);
    const deleted = await createNode(mapId, { deleted: true });
    const before = await Promise.all([
      testDb().comment.count({ where: { mapId } }),
      testDb().annotation.count({ where: { mapId } }),
    ]);
    expect(
      await code(
        send(ben, [
          { type: 'addComment', id: randomUUID(), nodeId: otherNode.id, body: 'Elsewhere' },
        ]),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await code(
        send(ben, [{ type: 'addComment', id: randomUUID(), nodeId: deleted.id, body: 'Gone' }]),
      ),
    ).toBe('DELETED');
    expect(await code(send(ben, [note(red, 'Not my team')]))).toBe('FORBIDDEN');
    expect(
      ZApplySocialOpsInput.safeParse({
        ops: [{ type: 'addComment', id: 'x1', nodeId, body: 'x'.repeat(2001) }],
      }).success,
    ).toBe(false);
    expect(
      ZApplySocialOpsInput.safeParse({ ops: [{ ...note(red, 'x'), kind: 'STICKER' }] }).success,
    ).toBe(false);
    expect(
      await code(
        send(ben, [
          note(blue, 'A note', randomUUID()),
          { type: 'addComment', id: randomUUID(), nodeId, body: 'mixed' },
        ]),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await Promise.all([
        testDb().comment.count({ where: { mapId } }),
        testDb().annotation.count({ where: { mapId } }),
      ]),
    ).toEqual(before);
  });
});
