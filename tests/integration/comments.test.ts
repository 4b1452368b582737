import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { TSocialOpInput } from '@/lib/domain/social';
import type { Actor } from '@/lib/server/authz';
import { ZApplySocialOpsInput } from '@/lib/server/social/apply-social-ops';
import { getSocialView } from '@/lib/server/social/get-social-view';
import { createEdge, createMap, createNode, createUser, testDb } from '../factories';
import { allText, buildTeamMap, code, nodeNote, sendSocial, type User } from '../support/team-map';

afterAll(async () => {
  await testDb().$disconnect();
});

let mapId = '';
let nodeId = '';
let owner: User;
let amira: User; // team Red
let ben: User; // team Blue
let viewer: User;
let red = '';
let blue = '';

beforeAll(async () => {
  ({ mapId, nodeId, owner, amira, ben, viewer, red, blue } = await buildTeamMap());
});

const send = (actor: Actor, ops: TSocialOpInput[]) => sendSocial(actor, mapId, ops);
const note = (teamId: string, body: string, id?: string) => nodeNote(nodeId, teamId, body, id);

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
