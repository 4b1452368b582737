import { afterAll, describe, expect, it } from 'vitest';
import type { TOpInput } from '@/lib/domain/ops';
import type { Actor } from '@/lib/server/authz';
import { getMapHistory } from '@/lib/server/maps/get-map-history';
import { getUndoHistory } from '@/lib/server/maps/get-undo-history';
import { removeMapMember } from '@/lib/server/maps/map-members';
import { decideSuggestion } from '@/lib/server/moderation/decide-suggestion';
import { flagCard, resolveFlag } from '@/lib/server/moderation/flags';
import { getModeration } from '@/lib/server/moderation/get-moderation';
import { changeModerationSettings } from '@/lib/server/moderation/moderation-settings';
import { suggestChange } from '@/lib/server/moderation/suggest-change';
import { addMember, createEdge, createMap, createNode, createUser, testDb } from '../factories';
import { apply, claim, errorOf, id, snapshot } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

type User = Actor & { kind: 'user' };

/** A map asking for approval: its owner, two students (editors), a commenter, a viewer; a question with one claim. */
async function moderatedMap() {
  const map = await createMap();
  const owner: User = { kind: 'user', userId: map.ownerId };
  const [ana, ben, commenter, viewer] = await Promise.all([
    addMember(map.id, 'EDITOR'),
    addMember(map.id, 'EDITOR'),
    addMember(map.id, 'COMMENTER'),
    addMember(map.id, 'VIEWER'),
  ]);
  const question = await createNode(map.id, {
    kind: 'QUESTION',
    text: 'Should homework be banned?',
  });
  const first = await createNode(map.id, { text: 'Homework takes time from sleep' });
  await createEdge(map.id, first.id, question.id);
  await changeModerationSettings(owner, map.id, { requireApproval: true });
  return { mapId: map.id, owner, ana, ben, commenter, viewer, question, first };
}

/** A new objection to `parentId`, as the page would send it. */
function newCard(parentId: string, text: string): { nodeId: string; ops: TOpInput[] } {
  const nodeId = id();
  return {
    nodeId,
    ops: [
      { type: 'createNode', id: nodeId, kind: 'OBJECTION', text, x: 10, y: 20 },
      { type: 'createEdge', id: id(), fromId: nodeId, toId: parentId, relation: 'ATTACKS' },
    ],
  };
}

describe('approval mode', () => {
  it('refuses a student’s content op with NEEDS_APPROVAL and writes nothing, but lets them move cards', async () => {
    const m = await moderatedMap();
    const before = await snapshot(m.mapId);
    const { ops } = newCard(m.first.id, 'Not so');
    const refused = await errorOf(apply(m.ana, m.mapId, ops));
    expect(refused.code).toBe('NEEDS_APPROVAL');
    const edit = await errorOf(
      apply(m.ana, m.mapId, [
        { type: 'updateNode', id: m.first.id, text: 'Changed', baseVersion: 1 },
      ]),
    );
    expect(edit.code).toBe('NEEDS_APPROVAL');
    expect(await snapshot(m.mapId)).toEqual(before);
    await apply(m.ana, m.mapId, [{ type: 'moveNodes', moves: [{ id: m.first.id, x: 50, y: 60 }] }]);
    expect((await testDb().node.findUniqueOrThrow({ where: { id: m.first.id } })).x).toBe(50);
  });

  it('lets managers and appointed moderators edit directly, and holds a moderator again once removed', async () => {
    const m = await moderatedMap();
    await apply(m.owner, m.mapId, [claim(id(), 'The teacher’s claim')]);
    await changeModerationSettings(m.owner, m.mapId, { addModerator: m.ben.userId });
    await apply(m.ben, m.mapId, [claim(id(), 'The moderator’s claim')]);
    expect((await getModeration(m.ben, m.mapId)).moderator).toBe(true);
    await changeModerationSettings(m.owner, m.mapId, { removeModerator: m.ben.userId });
    expect((await errorOf(apply(m.ben, m.mapId, [claim(id())]))).code).toBe('NEEDS_APPROVAL');
    await changeModerationSettings(m.owner, m.mapId, { requireApproval: false });
    await apply(m.ana, m.mapId, [claim(id(), 'Free again')]);
  });

  it('lets an appointed moderator decide only while they may edit the map, and forgets them once removed', async () => {
    const m = await moderatedMap();
    const { id: suggestionId } = await suggestChange(m.ana, m.mapId, {
      ops: newCard(m.first.id, 'Sleep matters more').ops,
    });
    // A commenter made moderator: approving would write cards they may not write.
    await changeModerationSettings(m.owner, m.mapId, { addModerator: m.commenter.userId });
    expect((await getModeration(m.commenter, m.mapId)).moderator).toBe(false);
    expect(
      (await errorOf(decideSuggestion(m.commenter, m.mapId, suggestionId, { action: 'approve' })))
        .code,
    ).toBe('FORBIDDEN');
    // Removed from the map, an editor's moderator place goes with them.
    await changeModerationSettings(m.owner, m.mapId, { addModerator: m.ben.userId });
    expect((await getModeration(m.ben, m.mapId)).moderator).toBe(true);
    await removeMapMember(m.owner, m.mapId, m.ben.userId);
    expect(
      await testDb().mapModerator.count({ where: { mapId: m.mapId, userId: m.ben.userId } }),
    ).toBe(0);
    expect((await getModeration(m.owner, m.mapId)).queue.map((s) => s.id)).toEqual([suggestionId]);
  });
});

describe('suggestions', () => {
  it('suggest then approve applies exactly the change, as the moderator’s undoable batch, credited to the student', async () => {
    const m = await moderatedMap();
    const { nodeId, ops } = newCard(m.first.id, 'Sleep matters more');
    const before = await snapshot(m.mapId);
    const { id: suggestionId } = await suggestChange(m.ana, m.mapId, { ops });
    const held = await snapshot(m.mapId);
    expect(held.nodes).toEqual(before.nodes);
    expect(held.edges).toEqual(before.edges);
    // Logged with no words: the stream tells nobody what a student suggested.
    const logged = await testDb().mapOp.findFirstOrThrow({
      where: { mapId: m.mapId },
      orderBy: { seq: 'desc' },
    });
    expect(JSON.stringify(logged.op)).not.toContain('Sleep matters');
    expect(logged.op).toMatchObject({ kind: 'moderation', what: 'suggested' });

    const queue = (await getModeration(m.owner, m.mapId)).queue;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({
      id: suggestionId,
      kind: 'new',
      text: 'Sleep matters more',
      parent: { id: m.first.id, text: 'Homework takes time from sleep' },
    });
    expect((await getModeration(m.ben, m.mapId)).queue).toEqual([]);

    const { seq } = await decideSuggestion(m.owner, m.mapId, suggestionId, { action: 'approve' });
    const node = await testDb().node.findUniqueOrThrow({ where: { id: nodeId } });
    expect(node).toMatchObject({
      text: 'Sleep matters more',
      kind: 'OBJECTION',
      createdById: m.ana.userId,
    });
    const edges = await testDb().edge.findMany({ where: { fromId: nodeId } });
    expect(edges.map((e) => [e.toId, e.relation])).toEqual([[m.first.id, 'ATTACKS']]);
    const batch = await testDb().mapOp.findUniqueOrThrow({
      where: { mapId_seq: { mapId: m.mapId, seq } },
    });
    expect(batch.actorId).toBe(m.owner.userId);
    expect((batch.op as { ops: TOpInput[] }).ops).toEqual(
      ops.map((op) => expect.objectContaining(op)),
    );
    expect((await getUndoHistory(m.mapId, m.owner.userId)).undo.at(-1)?.seq).toBe(seq);
    expect((await getUndoHistory(m.mapId, m.ana.userId)).undo).toEqual([]);
    const mine = (await getModeration(m.ana, m.mapId)).mine;
    expect(mine.map((s) => s.status)).toEqual(['APPROVED']);
    expect((await getModeration(m.owner, m.mapId)).queue).toEqual([]);
    const history = await getMapHistory(m.owner, m.mapId, null);
    expect(history.items.map((i) => i.summary)).toContain('suggested a change');
  });

  it('approves a suggestion with the moderator’s edited text, and an edit with before and after', async () => {
    const m = await moderatedMap();
    const { nodeId, ops } = newCard(m.first.id, 'sleep matters more i think');
    const created = await suggestChange(m.ana, m.mapId, { ops });
    await decideSuggestion(m.owner, m.mapId, created.id, {
      action: 'approve',
      text: 'Sleep matters more than homework',
    });
    expect((await testDb().node.findUniqueOrThrow({ where: { id: nodeId } })).text).toBe(
      'Sleep matters more than homework',
    );
    const edit = await suggestChange(m.ben, m.mapId, {
      ops: [{ type: 'updateNode', id: m.first.id, text: 'Homework costs sleep', baseVersion: 1 }],
    });
    expect((await getModeration(m.owner, m.mapId)).queue[0]).toMatchObject({
      kind: 'edit',
      beforeText: 'Homework takes time from sleep',
      text: 'Homework costs sleep',
    });
    await decideSuggestion(m.owner, m.mapId, edit.id, { action: 'approve' });
    const first = await testDb().node.findUniqueOrThrow({ where: { id: m.first.id } });
    expect(first).toMatchObject({ text: 'Homework costs sleep', version: 2 });
  });

  it('declines with a reason that the writer sees, and nobody else', async () => {
    const m = await moderatedMap();
    const { nodeId, ops } = newCard(m.first.id, 'Homework is evil');
    const { id: suggestionId } = await suggestChange(m.ana, m.mapId, { ops });
    const noReason = await errorOf(
      decideSuggestion(m.owner, m.mapId, suggestionId, { action: 'decline', reason: '  ' }),
    );
    expect(noReason.code).toBe('VALIDATION_FAILED');
    await decideSuggestion(m.owner, m.mapId, suggestionId, {
      action: 'decline',
      reason: 'Give a reason, not a label',
    });
    expect(await testDb().node.findUnique({ where: { id: nodeId } })).toBeNull();
    expect((await getModeration(m.ana, m.mapId)).mine).toEqual([
      expect.objectContaining({ status: 'DECLINED', reason: 'Give a reason, not a label' }),
    ]);
    const ben = await getModeration(m.ben, m.mapId);
    expect(JSON.stringify(ben)).not.toContain('Homework is evil');
    const again = await errorOf(
      decideSuggestion(m.owner, m.mapId, suggestionId, { action: 'approve' }),
    );
    expect(again.code).toBe('CONFLICT');
  });

  it('answers 409 and keeps the suggestion waiting when the parent was deleted or the text changed', async () => {
    const m = await moderatedMap();
    const { ops } = newCard(m.first.id, 'An objection');
    const onFirst = await suggestChange(m.ana, m.mapId, { ops });
    const edit = await suggestChange(m.ben, m.mapId, {
      ops: [{ type: 'updateNode', id: m.first.id, text: 'Better words', baseVersion: 1 }],
    });
    await apply(m.owner, m.mapId, [
      { type: 'updateNode', id: m.first.id, text: 'The teacher’s words', baseVersion: 1 },
    ]);
    const stale = await errorOf(decideSuggestion(m.owner, m.mapId, edit.id, { action: 'approve' }));
    expect(stale.code).toBe('CONFLICT');
    await apply(m.owner, m.mapId, [{ type: 'deleteNode', id: m.first.id }]);
    const before = await snapshot(m.mapId);
    const gone = await errorOf(
      decideSuggestion(m.owner, m.mapId, onFirst.id, { action: 'approve' }),
    );
    expect(gone.code).toBe('CONFLICT');
    expect(gone.message).toMatch(/no longer on the map/);
    expect(await snapshot(m.mapId)).toEqual(before);
    expect((await getModeration(m.owner, m.mapId)).queue.map((s) => s.id)).toEqual([
      onFirst.id,
      edit.id,
    ]);
  });

  it('lets the writer withdraw a waiting suggestion, and nobody else', async () => {
    const m = await moderatedMap();
    const { id: suggestionId } = await suggestChange(m.ana, m.mapId, newCard(m.first.id, 'Mine'));
    expect(
      (await errorOf(decideSuggestion(m.ben, m.mapId, suggestionId, { action: 'withdraw' }))).code,
    ).toBe('FORBIDDEN');
    await decideSuggestion(m.ana, m.mapId, suggestionId, { action: 'withdraw' });
    expect((await getModeration(m.owner, m.mapId)).queue).toEqual([]);
    expect((await getModeration(m.ana, m.mapId)).mine).toEqual([]);
  });

  it('refuses what is not one suggestion, and a change the map cannot take', async () => {
    const m = await moderatedMap();
    const refused = await Promise.all(
      (
        [
          [{ type: 'updateNode', id: m.first.id, kind: 'PREMISE', side: 'FOR', baseVersion: 1 }],
          [{ type: 'updateNode', id: m.first.id, text: 'New', kind: 'PREMISE', baseVersion: 1 }],
          [{ type: 'deleteEdge', id: id() }],
          [
            { type: 'deleteNode', id: m.first.id },
            { type: 'deleteNode', id: m.question.id },
          ],
          [
            {
              type: 'createEdge',
              id: id(),
              fromId: m.question.id,
              toId: m.first.id,
              relation: 'ATTACKS',
            },
            { type: 'deleteNode', id: m.first.id },
          ],
        ] satisfies TOpInput[][]
      ).map((ops) => errorOf(suggestChange(m.ana, m.mapId, { ops }))),
    );
    expect(refused.map((e) => e.code)).toEqual(Array(5).fill('VALIDATION_FAILED'));
    for (const error of refused) expect(error.message).toMatch(/suggest/i);
    const orphan = await errorOf(suggestChange(m.ana, m.mapId, newCard(id(), 'To nothing')));
    expect(orphan.code).toBe('NOT_FOUND');
    // The map as it is: a connection already there, a card that is gone.
    const twice = await errorOf(
      suggestChange(m.ana, m.mapId, {
        ops: [
          {
            type: 'createEdge',
            id: id(),
            fromId: m.first.id,
            toId: m.question.id,
            relation: 'SUPPORTS',
          },
        ],
      }),
    );
    expect(twice.code).toBe('DUPLICATE_EDGE');
    const gone = await createNode(m.mapId, { text: 'Gone already', deleted: true });
    const deleted = await errorOf(
      suggestChange(m.ana, m.mapId, { ops: [{ type: 'deleteNode', id: gone.id }] }),
    );
    expect(deleted.code).toBe('DELETED');
    const stale = await errorOf(
      suggestChange(m.ana, m.mapId, {
        ops: [{ type: 'updateNode', id: m.first.id, kind: 'PREMISE', baseVersion: 7 }],
      }),
    );
    expect(stale.code).toBe('STALE_VERSION');
    expect(await testDb().suggestion.count({ where: { mapId: m.mapId } })).toBe(0);
  });
});

describe('suggesting a new kind, a connection or a deletion', () => {
  /** The moderated map with a second claim, not yet connected to anything. */
  async function withSecondClaim() {
    const m = await moderatedMap();
    const second = await createNode(m.mapId, { text: 'Tired pupils learn less' });
    return { ...m, second };
  }
  const rekind = (nodeId: string, kind: 'REBUTTAL' | 'PREMISE', baseVersion = 1): TOpInput[] => [
    { type: 'updateNode', id: nodeId, kind, baseVersion },
  ];
  const connect = (fromId: string, toId: string, edgeId = id()): TOpInput[] => [
    { type: 'createEdge', id: edgeId, fromId, toId, relation: 'SUPPORTS' },
  ];
  const remove = (nodeId: string): TOpInput[] => [{ type: 'deleteNode', id: nodeId }];

  it('holds each for the moderator in words, and approving applies it, connections credited to the student', async () => {
    const m = await withSecondClaim();
    const before = await snapshot(m.mapId);
    const kind = await suggestChange(m.ana, m.mapId, { ops: rekind(m.first.id, 'REBUTTAL') });
    const edgeId = id();
    const connection = await suggestChange(m.ana, m.mapId, {
      ops: connect(m.second.id, m.first.id, edgeId),
    });
    const deletion = await suggestChange(m.ben, m.mapId, { ops: remove(m.second.id) });
    const held = await snapshot(m.mapId);
    expect(held.nodes).toEqual(before.nodes);
    expect(held.edges).toEqual(before.edges);

    const queue = (await getModeration(m.owner, m.mapId)).queue;
    expect(queue).toEqual([
      expect.objectContaining({
        id: kind.id,
        kind: 'rekind',
        nodeId: m.first.id,
        nodeKind: 'REBUTTAL',
        text: 'Homework takes time from sleep',
        parent: null,
      }),
      expect.objectContaining({
        id: connection.id,
        kind: 'connect',
        nodeId: m.second.id,
        text: 'Tired pupils learn less',
        relation: 'SUPPORTS',
        parent: { id: m.first.id, text: 'Homework takes time from sleep' },
      }),
      expect.objectContaining({
        id: deletion.id,
        kind: 'delete',
        nodeId: m.second.id,
        text: 'Tired pupils learn less',
      }),
    ]);
    // The writer sees their own as waiting, and nobody else's.
    const mine = (await getModeration(m.ana, m.mapId)).mine;
    expect(mine.map((s) => [s.kind, s.status])).toEqual([
      ['connect', 'WAITING'],
      ['rekind', 'WAITING'],
    ]);

    // A new kind or a connection has no words for the moderator to change.
    const reworded = await errorOf(
      decideSuggestion(m.owner, m.mapId, kind.id, { action: 'approve', text: 'Other words' }),
    );
    expect(reworded.code).toBe('VALIDATION_FAILED');

    await decideSuggestion(m.owner, m.mapId, kind.id, { action: 'approve' });
    expect(await testDb().node.findUniqueOrThrow({ where: { id: m.first.id } })).toMatchObject({
      kind: 'REBUTTAL',
      text: 'Homework takes time from sleep',
      version: 2,
    });
    const { seq } = await decideSuggestion(m.owner, m.mapId, connection.id, {
      action: 'approve',
    });
    const edge = await testDb().edge.findUniqueOrThrow({ where: { id: edgeId } });
    expect(edge).toMatchObject({
      fromId: m.second.id,
      toId: m.first.id,
      relation: 'SUPPORTS',
      createdById: m.ana.userId,
      deletedAt: null,
    });
    const batch = await testDb().mapOp.findUniqueOrThrow({
      where: { mapId_seq: { mapId: m.mapId, seq } },
    });
    expect(batch.actorId).toBe(m.owner.userId);
    expect((await getUndoHistory(m.mapId, m.owner.userId)).undo.at(-1)?.seq).toBe(seq);

    await decideSuggestion(m.owner, m.mapId, deletion.id, { action: 'approve' });
    expect(
      (await testDb().node.findUniqueOrThrow({ where: { id: m.second.id } })).deletedAt,
    ).not.toBeNull();
    // Its connections go with it, as when anyone deletes a card.
    expect(
      (await testDb().edge.findUniqueOrThrow({ where: { id: edgeId } })).deletedAt,
    ).not.toBeNull();
    expect((await getModeration(m.owner, m.mapId)).queue).toEqual([]);
    expect((await getModeration(m.ben, m.mapId)).mine).toEqual([
      expect.objectContaining({
        kind: 'delete',
        status: 'APPROVED',
        text: 'Tired pupils learn less',
      }),
    ]);
  });

  it('declining leaves the map as it was, and the writer may withdraw one', async () => {
    const m = await withSecondClaim();
    const before = await snapshot(m.mapId);
    const deletion = await suggestChange(m.ana, m.mapId, { ops: remove(m.first.id) });
    const kind = await suggestChange(m.ana, m.mapId, { ops: rekind(m.first.id, 'PREMISE') });
    const connection = await suggestChange(m.ben, m.mapId, {
      ops: connect(m.second.id, m.question.id),
    });
    await decideSuggestion(m.owner, m.mapId, deletion.id, {
      action: 'decline',
      reason: 'It is the main claim',
    });
    await decideSuggestion(m.owner, m.mapId, connection.id, {
      action: 'decline',
      reason: 'It answers the first claim, not the question',
    });
    await decideSuggestion(m.ana, m.mapId, kind.id, { action: 'withdraw' });
    const after = await snapshot(m.mapId);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.edges).toEqual(before.edges);
    expect((await getModeration(m.owner, m.mapId)).queue).toEqual([]);
    expect((await getModeration(m.ana, m.mapId)).mine).toEqual([
      expect.objectContaining({
        kind: 'delete',
        status: 'DECLINED',
        reason: 'It is the main claim',
      }),
    ]);
  });

  it('refuses approving once the card is gone or changed, or the connection is made, and keeps them waiting', async () => {
    const m = await withSecondClaim();
    const deletion = await suggestChange(m.ana, m.mapId, { ops: remove(m.second.id) });
    const kind = await suggestChange(m.ana, m.mapId, { ops: rekind(m.second.id, 'PREMISE') });
    const connection = await suggestChange(m.ana, m.mapId, {
      ops: connect(m.second.id, m.first.id),
    });
    const toQuestion = await suggestChange(m.ben, m.mapId, {
      ops: connect(m.question.id, m.first.id),
    });
    const edit = await suggestChange(m.ben, m.mapId, { ops: rekind(m.first.id, 'REBUTTAL') });
    // The teacher changes the first claim's words, makes the connection themselves, then deletes the second claim.
    await apply(m.owner, m.mapId, [
      { type: 'updateNode', id: m.first.id, text: 'The teacher’s words', baseVersion: 1 },
      {
        type: 'createEdge',
        id: id(),
        fromId: m.question.id,
        toId: m.first.id,
        relation: 'SUPPORTS',
      },
    ]);
    await apply(m.owner, m.mapId, [{ type: 'deleteNode', id: m.second.id }]);
    const before = await snapshot(m.mapId);
    const refusals = [];
    for (const suggestion of [deletion, kind, connection, toQuestion, edit])
      refusals.push(
        await errorOf(decideSuggestion(m.owner, m.mapId, suggestion.id, { action: 'approve' })),
      );
    expect(refusals.map((e) => [e.code, e.message])).toEqual([
      ['CONFLICT', expect.stringMatching(/already gone from the map/)],
      ['CONFLICT', expect.stringMatching(/no longer on the map/)],
      ['CONFLICT', expect.stringMatching(/One of the cards it connects is no longer on the map/)],
      ['CONFLICT', expect.stringMatching(/already connected/)],
      ['CONFLICT', expect.stringMatching(/changed after this suggestion was made/)],
    ]);
    expect(await snapshot(m.mapId)).toEqual(before);
    const queue = (await getModeration(m.owner, m.mapId)).queue;
    expect(queue.map((s) => s.id)).toEqual(
      [deletion, kind, connection, toQuestion, edit].map((s) => s.id),
    );
    // The queue still names a deleted card by its words.
    expect(queue[0]).toMatchObject({ kind: 'delete', text: 'Tired pupils learn less' });
  });

  it('is for those who may edit the map, as every suggestion is', async () => {
    const m = await withSecondClaim();
    const stranger: User = { kind: 'user', userId: (await createUser()).id };
    const refusals = await Promise.all(
      [m.viewer, m.commenter, stranger].flatMap((who) =>
        [rekind(m.first.id, 'PREMISE'), connect(m.second.id, m.first.id), remove(m.first.id)].map(
          (ops) => errorOf(suggestChange(who, m.mapId, { ops })),
        ),
      ),
    );
    expect(refusals.map((e) => e.code)).toEqual([
      ...Array(6).fill('FORBIDDEN'),
      ...Array(3).fill('NOT_FOUND'),
    ]);
    expect(await testDb().suggestion.count({ where: { mapId: m.mapId } })).toBe(0);
    // A held student cannot make these changes directly either.
    for (const ops of [
      rekind(m.first.id, 'PREMISE'),
      connect(m.second.id, m.first.id),
      remove(m.first.id),
    ])
      expect((await errorOf(apply(m.ana, m.mapId, ops))).code).toBe('NEEDS_APPROVAL');
  });
});

describe('flags', () => {
  it('lets a member flag a card once; a moderator dismisses one and deletes the card of another', async () => {
    const m = await moderatedMap();
    await flagCard(m.commenter, m.mapId, { nodeId: m.first.id, reason: 'Off topic' });
    const twice = await errorOf(flagCard(m.commenter, m.mapId, { nodeId: m.first.id }));
    expect(twice.code).toBe('CONFLICT');
    await flagCard(m.ana, m.mapId, { nodeId: m.first.id });
    const flags = (await getModeration(m.owner, m.mapId)).flags;
    expect(flags.map((f) => f.reason)).toEqual(['Off topic', '']);
    expect((await getModeration(m.commenter, m.mapId)).myFlags).toEqual([m.first.id]);
    await resolveFlag(m.owner, m.mapId, flags[0]!.id, { action: 'dismiss' });
    expect((await getModeration(m.owner, m.mapId)).flags).toHaveLength(1);
    await resolveFlag(m.owner, m.mapId, flags[1]!.id, { action: 'delete' });
    expect(
      (await testDb().node.findUniqueOrThrow({ where: { id: m.first.id } })).deletedAt,
    ).not.toBeNull();
    expect((await getModeration(m.owner, m.mapId)).flags).toEqual([]);
  });
});

describe('who may moderate', () => {
  it('refuses outsiders, viewers and students who are not moderators', async () => {
    const m = await moderatedMap();
    const stranger: User = { kind: 'user', userId: (await createUser()).id };
    const { id: suggestionId } = await suggestChange(m.ana, m.mapId, newCard(m.first.id, 'Mine'));
    await flagCard(m.ana, m.mapId, { nodeId: m.first.id });
    const [flag] = (await getModeration(m.owner, m.mapId)).flags;
    const refusals = await Promise.all([
      errorOf(getModeration(stranger, m.mapId)),
      errorOf(suggestChange(stranger, m.mapId, newCard(m.first.id, 'x'))),
      errorOf(flagCard(stranger, m.mapId, { nodeId: m.first.id })),
      errorOf(suggestChange(m.viewer, m.mapId, newCard(m.first.id, 'x'))),
      errorOf(flagCard(m.viewer, m.mapId, { nodeId: m.first.id })),
      errorOf(decideSuggestion(m.ben, m.mapId, suggestionId, { action: 'approve' })),
      errorOf(decideSuggestion(m.ana, m.mapId, suggestionId, { action: 'approve' })),
      errorOf(resolveFlag(m.ben, m.mapId, flag!.id, { action: 'delete' })),
      errorOf(changeModerationSettings(m.ana, m.mapId, { requireApproval: false })),
      errorOf(changeModerationSettings(m.ana, m.mapId, { addModerator: m.ana.userId })),
    ]);
    expect(refusals.map((e) => e.code)).toEqual([
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    const outsider = await errorOf(
      changeModerationSettings(m.owner, m.mapId, { addModerator: stranger.userId }),
    );
    expect(outsider.code).toBe('VALIDATION_FAILED');
    expect((await getModeration(m.owner, m.mapId)).queue).toHaveLength(1);
  });
});

/**
 * Makes the database refuse the next moderation batch of `what` logged on
 * this map (a real failure of the statement that logs it, as a full disk
 * or a dropped connection would make), for one test.
 */
async function refuseModerationBatch(mapId: string, what: string) {
  const name = `refuse_${mapId.replace(/\W/g, '')}`;
  await testDb().$executeRawUnsafe(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW."mapId" = '${mapId}' AND NEW."op"->>'kind' = 'moderation' AND NEW."op"->>'what' = '${what}' THEN
        RAISE EXCEPTION 'the moderation batch could not be logged';
      END IF;
      RETURN NEW;
    END $$`);
  await testDb().$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE INSERT ON "MapOp" FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
  return async () => {
    await testDb().$executeRawUnsafe(`DROP TRIGGER ${name} ON "MapOp"`);
    await testDb().$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}

describe('a decision is written whole or not at all', () => {
  it('approving leaves nothing behind when its moderation batch cannot be logged, and the suggestion waits', async () => {
    const m = await moderatedMap();
    const { nodeId, ops } = newCard(m.first.id, 'Sleep matters more');
    const { id: suggestionId } = await suggestChange(m.ana, m.mapId, { ops });
    const before = await snapshot(m.mapId);
    const restore = await refuseModerationBatch(m.mapId, 'approved');
    try {
      await expect(
        decideSuggestion(m.owner, m.mapId, suggestionId, { action: 'approve' }),
      ).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await snapshot(m.mapId)).toEqual(before);
    expect(await testDb().node.findUnique({ where: { id: nodeId } })).toBeNull();
    expect((await getModeration(m.owner, m.mapId)).queue.map((s) => s.id)).toEqual([suggestionId]);
    // Once the log takes it, the same approval goes through, as one step each.
    const { seq } = await decideSuggestion(m.owner, m.mapId, suggestionId, { action: 'approve' });
    const logged = await testDb().mapOp.findMany({
      where: { mapId: m.mapId, seq: { gte: seq } },
      orderBy: { seq: 'asc' },
    });
    expect(logged.map((b) => (b.op as { kind?: string }).kind ?? 'graph')).toEqual([
      'graph',
      'moderation',
    ]);
  });

  it('deleting a flagged card leaves the card and the flag when the moderation batch cannot be logged', async () => {
    const m = await moderatedMap();
    await flagCard(m.ana, m.mapId, { nodeId: m.first.id, reason: 'Off topic' });
    const [flag] = (await getModeration(m.owner, m.mapId)).flags;
    const before = await snapshot(m.mapId);
    const restore = await refuseModerationBatch(m.mapId, 'resolved');
    try {
      await expect(resolveFlag(m.owner, m.mapId, flag!.id, { action: 'delete' })).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await snapshot(m.mapId)).toEqual(before);
    expect((await getModeration(m.owner, m.mapId)).flags.map((f) => f.id)).toEqual([flag!.id]);
  });
});

describe('a suggestion sent again', () => {
  it('with the same idempotency key is one suggestion, answered with the same id', async () => {
    const m = await moderatedMap();
    const { ops } = newCard(m.first.id, 'Sleep matters more');
    const key = `suggest-${id()}`;
    const first = await suggestChange(m.ana, m.mapId, { ops, idempotencyKey: key });
    // The answer was lost: the page sends the same request again.
    const retry = await suggestChange(m.ana, m.mapId, { ops, idempotencyKey: key });
    expect(retry).toEqual(first);
    expect(await testDb().suggestion.count({ where: { mapId: m.mapId } })).toBe(1);
    expect((await getModeration(m.owner, m.mapId)).queue.map((s) => s.id)).toEqual([first.id]);
    // Another writer's key is theirs alone.
    const other = newCard(m.first.id, 'Homework builds habits');
    const ben = await suggestChange(m.ben, m.mapId, { ops: other.ops, idempotencyKey: key });
    expect(ben.id).not.toBe(first.id);
  });
});

describe('what moderation batches tell the stream', () => {
  it('names the suggestion or flag by id, never words or names', async () => {
    const m = await moderatedMap();
    const { id: suggestionId } = await suggestChange(
      m.ana,
      m.mapId,
      newCard(m.first.id, 'Sleep matters more'),
    );
    await decideSuggestion(m.owner, m.mapId, suggestionId, {
      action: 'decline',
      reason: 'Say why',
    });
    await flagCard(m.ben, m.mapId, { nodeId: m.first.id, reason: 'Off topic' });
    const [flag] = (await getModeration(m.owner, m.mapId)).flags;
    await resolveFlag(m.owner, m.mapId, flag!.id, { action: 'dismiss' });
    const batches = await testDb().mapOp.findMany({
      where: { mapId: m.mapId, op: { path: ['kind'], equals: 'moderation' } },
      orderBy: { seq: 'asc' },
    });
    expect(batches.map((b) => b.op)).toEqual([
      { kind: 'moderation', ops: [], what: 'settings' },
      { kind: 'moderation', ops: [], what: 'suggested', suggestionId },
      { kind: 'moderation', ops: [], what: 'declined', suggestionId },
      { kind: 'moderation', ops: [], what: 'flagged', flagId: flag!.id },
      { kind: 'moderation', ops: [], what: 'resolved', flagId: flag!.id },
    ]);
    const logged = JSON.stringify(batches.map((b) => b.op));
    for (const words of ['Sleep matters', 'Say why', 'Off topic'])
      expect(logged).not.toContain(words);
  });
});

describe('a stored suggestion that today’s rules refuse', () => {
  /**
   * The moderated map with a waiting suggestion as a rule tightened since
   * would leave it (a student's card with tags, which suggestions may no
   * longer hold) and one an older version wrote in a form this one cannot
   * read, both written straight to the table, as such rows would be there;
   * and a readable suggestion beside them.
   */
  async function withUnreadable() {
    const m = await moderatedMap();
    const readable = await suggestChange(m.ben, m.mapId, newCard(m.first.id, 'Sleep matters more'));
    const nodeId = id();
    const tagged = await testDb().suggestion.create({
      data: {
        mapId: m.mapId,
        authorId: m.ana.userId,
        ops: [
          {
            type: 'createNode',
            id: nodeId,
            kind: 'OBJECTION',
            text: 'Homework teaches patience',
            side: 'NEUTRAL',
            x: 0,
            y: 0,
            anchor: null,
            card: null,
            tags: ['patience'],
          },
          {
            type: 'createEdge',
            id: id(),
            fromId: nodeId,
            toId: m.first.id,
            relation: 'ATTACKS',
            groupId: null,
          },
        ],
        nodeId,
        parentId: m.first.id,
        text: 'Homework teaches patience',
        createdAt: new Date(Date.now() + 1000),
      },
    });
    const garbled = await testDb().suggestion.create({
      data: {
        mapId: m.mapId,
        authorId: m.ana.userId,
        ops: { renameCard: m.first.id, to: 'Homework is sleep theft' },
        nodeId: m.first.id,
        text: 'Homework is sleep theft',
        createdAt: new Date(Date.now() + 2000),
      },
    });
    return { ...m, readable, tagged, garbled };
  }

  it('lists it for the teacher and its writer as one that can no longer be applied, and why', async () => {
    const m = await withUnreadable();
    const queue = (await getModeration(m.owner, m.mapId)).queue;
    expect(queue.map((s) => [s.id, s.kind])).toEqual([
      [m.readable.id, 'new'],
      [m.tagged.id, 'unreadable'],
      [m.garbled.id, 'unreadable'],
    ]);
    expect(queue[1]).toMatchObject({
      author: { id: m.ana.userId },
      text: 'Homework teaches patience',
      status: 'WAITING',
      problem: 'A suggested card cannot have tags: a moderator adds them.',
      createdAt: m.tagged.createdAt.toISOString(),
    });
    expect(queue[2]).toMatchObject({
      text: 'Homework is sleep theft',
      problem: expect.stringMatching(/cannot read/),
    });
    const mine = (await getModeration(m.ana, m.mapId)).mine;
    expect(mine.map((s) => [s.id, s.kind, s.status])).toEqual([
      [m.garbled.id, 'unreadable', 'WAITING'],
      [m.tagged.id, 'unreadable', 'WAITING'],
    ]);
    expect((await getModeration(m.ben, m.mapId)).mine.map((s) => s.kind)).toEqual(['new']);
  });

  it('refuses approving it with CANNOT_APPLY, writes nothing and leaves it waiting; the readable one still approves', async () => {
    const m = await withUnreadable();
    const before = await snapshot(m.mapId);
    const log = await testDb().mapOp.count({ where: { mapId: m.mapId } });
    for (const suggestion of [m.tagged, m.garbled]) {
      const refused = await errorOf(
        decideSuggestion(m.owner, m.mapId, suggestion.id, { action: 'approve' }),
      );
      expect(refused.code).toBe('CANNOT_APPLY');
      expect(refused.message).toMatch(/can no longer be applied/);
    }
    const tagged = await errorOf(
      decideSuggestion(m.owner, m.mapId, m.tagged.id, { action: 'approve', text: 'Patience' }),
    );
    expect(tagged.code).toBe('CANNOT_APPLY');
    expect(await snapshot(m.mapId)).toEqual(before);
    expect(await testDb().mapOp.count({ where: { mapId: m.mapId } })).toBe(log);
    const rows = await testDb().suggestion.findMany({
      where: { id: { in: [m.tagged.id, m.garbled.id] } },
    });
    expect(rows.map((r) => [r.status, r.decidedAt])).toEqual([
      ['WAITING', null],
      ['WAITING', null],
    ]);
    await decideSuggestion(m.owner, m.mapId, m.readable.id, { action: 'approve' });
    expect((await getModeration(m.owner, m.mapId)).queue.map((s) => s.id)).toEqual([
      m.tagged.id,
      m.garbled.id,
    ]);
  });

  it('lets the teacher decline it with a reason and its writer withdraw it', async () => {
    const m = await withUnreadable();
    await decideSuggestion(m.owner, m.mapId, m.tagged.id, {
      action: 'decline',
      reason: 'Suggest it again without tags',
    });
    await decideSuggestion(m.ana, m.mapId, m.garbled.id, { action: 'withdraw' });
    expect((await getModeration(m.owner, m.mapId)).queue.map((s) => s.id)).toEqual([m.readable.id]);
    const declined = await testDb().suggestion.findUniqueOrThrow({ where: { id: m.tagged.id } });
    // Its writer still reads what can be told of it: their words, the decision and when, and why no more.
    expect((await getModeration(m.ana, m.mapId)).mine).toEqual([
      expect.objectContaining({
        id: m.tagged.id,
        kind: 'unreadable',
        problem: 'A suggested card cannot have tags: a moderator adds them.',
        text: 'Homework teaches patience',
        status: 'DECLINED',
        reason: 'Suggest it again without tags',
        decidedAt: declined.decidedAt!.toISOString(),
      }),
    ]);
    expect(
      (await testDb().suggestion.findUniqueOrThrow({ where: { id: m.garbled.id } })).status,
    ).toBe('WITHDRAWN');
  });
});
