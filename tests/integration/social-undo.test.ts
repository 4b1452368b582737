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

    // A fresh page: the steps come back, newest last, each undoing its batch;
    // comments and notes apart, since each is undone where it was written.
    let history = (await getSocialView(owner, map.id, { withHistory: true })).history!;
    expect(history.notes.undo.map((e) => e.ops)).toEqual([
      [{ type: 'deleteAnnotation', id: noteId }],
      [expect.objectContaining({ type: 'upsertAnnotation', id: noteId, body: 'First thought' })],
    ]);
    expect(history.comments.undo.map((e) => e.ops)).toEqual([
      [{ type: 'deleteComment', id: commentId }],
    ]);
    expect(history.notes.redo).toEqual([]);
    expect(history.comments.redo).toEqual([]);
    // The stream's refetches do not re-read the log.
    expect((await getSocialView(owner, map.id)).history).toBeUndefined();

    // Undo the newest comment and note after the reload, as each panel would.
    await post(history.comments.undo.at(-1)!.ops, 'undo');
    await post(history.notes.undo.at(-1)!.ops, 'undo');
    let view = await getSocialView(owner, map.id, { withHistory: true });
    expect(view.comments.some((c) => c.id === commentId)).toBe(false);
    expect(view.layers[0]!.annotations.find((a) => a.id === noteId)!.body).toBe('First thought');
    history = view.history!;
    expect(history.notes.undo).toHaveLength(1);
    expect(history.comments.undo).toHaveLength(0);
    // Both can be redone after another reload: the comment comes back.
    expect(history.notes.redo.map((e) => e.ops[0]!.type)).toEqual(['upsertAnnotation']);
    expect(history.comments.redo.map((e) => e.ops)).toEqual([
      [{ type: 'restoreComment', id: commentId }],
    ]);
    await post(history.comments.redo[0]!.ops, 'redo');
    view = await getSocialView(owner, map.id, { withHistory: true });
    expect(view.comments.find((c) => c.id === commentId)?.body).toBe('Hello');
    expect(view.history!.comments.undo.map((e) => e.ops)).toEqual([
      [{ type: 'deleteComment', id: commentId }],
    ]);
    expect(view.history!.comments.redo).toEqual([]);
    // Another reader's history is their own, on the same map.
    const theirs = randomUUID();
    await sendSocial(amira, map.id, [
      { type: 'addComment', id: theirs, nodeId: claim.id, body: 'Mine' },
    ]);
    const forAmira = (await getSocialView(amira, map.id, { withHistory: true })).history!;
    expect(forAmira.comments.undo.map((e) => e.ops)).toEqual([
      [{ type: 'deleteComment', id: theirs }],
    ]);
    expect(forAmira.comments.redo).toEqual([]);
    expect(
      (await getSocialView(owner, map.id, { withHistory: true })).history!.comments.undo,
    ).toHaveLength(1);
  });

  it('never removes a comment someone replied to: Undo is refused, Delete leaves “Comment deleted” above the replies', async () => {
    const map = await createMap();
    const amira = await addMember(map.id, 'EDITOR');
    const ben = await addMember(map.id, 'EDITOR');
    const claim = await createNode(map.id, { text: 'A claim to discuss' });
    const root = randomUUID();
    const reply = randomUUID();
    const added = await sendSocial(amira, map.id, [
      { type: 'addComment', id: root, nodeId: claim.id, body: 'Is this sourced?' },
    ]);
    await sendSocial(ben, map.id, [
      { type: 'addComment', id: reply, parentId: root, body: 'Yes, paragraph 3.' },
    ]);

    // Amira's Undo of her comment is refused with a reason; the thread stays whole.
    await expect(sendSocial(amira, map.id, added.inverse!, 'undo')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/has replies/),
    });
    let view = await getSocialView(ben, map.id);
    expect(view.comments.map((c) => [c.id, c.body])).toEqual([
      [root, 'Is this sourced?'],
      [reply, 'Yes, paragraph 3.'],
    ]);
    // After a reload that step is not offered again.
    expect(
      (await getSocialView(amira, map.id, { withHistory: true })).history!.comments.undo,
    ).toEqual([]);

    // Deleting it on purpose keeps the reply, under a placeholder that says nothing of the comment.
    const deleted = await sendSocial(amira, map.id, [{ type: 'deleteComment', id: root }]);
    view = await getSocialView(ben, map.id);
    expect(view.comments).toEqual([
      expect.objectContaining({
        id: root,
        deleted: true,
        body: '',
        authorId: null,
        authorName: '',
      }),
      expect.objectContaining({ id: reply, parentId: root, deleted: false }),
    ]);
    // The thread can still be answered.
    await sendSocial(ben, map.id, [
      { type: 'addComment', id: randomUUID(), parentId: root, body: 'Still true.' },
    ]);
    // Undoing the deletion brings the comment back.
    await sendSocial(amira, map.id, deleted.inverse!, 'undo');
    view = await getSocialView(ben, map.id);
    expect(view.comments.find((c) => c.id === root)).toMatchObject({
      deleted: false,
      body: 'Is this sourced?',
      editedAt: null, // brought back, not edited
    });

    // Once the last reply is gone, a deleted first comment goes too.
    await sendSocial(amira, map.id, [{ type: 'deleteComment', id: root }]);
    for (const c of (await getSocialView(ben, map.id)).comments.filter((c) => c.parentId))
      await sendSocial(ben, map.id, [{ type: 'deleteComment', id: c.id }]);
    expect((await getSocialView(ben, map.id)).comments).toEqual([]);
  });
});
