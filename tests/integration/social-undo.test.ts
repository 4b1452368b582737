import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { TSocialOpInput } from '@/lib/domain/social';
import { getSocialView } from '@/lib/server/social/get-social-view';
import { addMember, createMap, createNode, testDb } from '../factories';
import { sendSocial } from '../support/team-map';

afterAll(async () => {
  await testDb().$disconnect();
});

describe('undo of comments and team notes', () => {
  it('survives a reload: the history is rebuilt from the op log with each batch’s inverse', async () => {
    const map = await createMap();
    const owner = { kind: 'user' as const, userId: map.ownerId };
    const amira = await addMember(map.id, 'EDITOR');
    const claim = await createNode(map.id, { text: 'A claim to discuss' });
    const team = await testDb().team.create({
      data: { mapId: map.id, name: 'Solo', color: '#000', side: 'FOR' },
    });
    await testDb().teamMember.create({ data: { teamId: team.id, userId: owner.userId } });
    const post = (ops: TSocialOpInput[], intent: 'do' | 'undo' | 'redo' = 'do') =>
      sendSocial(owner, map.id, ops, intent);
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
    // Another reader's history is their own, on the same map.
    const theirs = randomUUID();
    await sendSocial(amira, map.id, [
      { type: 'addComment', id: theirs, nodeId: claim.id, body: 'Mine' },
    ]);
    const forAmira = (await getSocialView(amira, map.id, { withHistory: true })).history!;
    expect(forAmira.undo.map((e) => e.ops)).toEqual([[{ type: 'deleteComment', id: theirs }]]);
    expect(forAmira.redo).toEqual([]);
    expect((await getSocialView(owner, map.id, { withHistory: true })).history!.undo).toHaveLength(
      1,
    );
  });
});
