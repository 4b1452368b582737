import { afterAll, describe, expect, it } from 'vitest';
import { getMapHistory } from '@/lib/server/maps/get-map-history';
import { getUndoHistory } from '@/lib/server/maps/get-undo-history';
import type { Actor } from '@/lib/server/authz';
import { activityOnMap } from '@/lib/server/tasks/activity';
import { getVotes } from '@/lib/server/votes/get-votes';
import { setVote } from '@/lib/server/votes/set-vote';
import { changeVotingSettings } from '@/lib/server/votes/voting-settings';
import { addMember, createEdge, createMap, createNode, testDb } from '../factories';
import { apply, errorOf, id } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

type User = Actor & { kind: 'user' };

/**
 * A question, two claims answering it, and a premise under the first; the
 * owner, two editors (Red and Blue teams), a commenter and a viewer.
 */
async function votingMap() {
  const map = await createMap();
  const owner: User = { kind: 'user', userId: map.ownerId };
  const [amira, ben, commenter, viewer] = await Promise.all([
    addMember(map.id, 'EDITOR'),
    addMember(map.id, 'EDITOR'),
    addMember(map.id, 'COMMENTER'),
    addMember(map.id, 'VIEWER'),
  ]);
  const question = await createNode(map.id, { kind: 'QUESTION', text: 'Should we?' });
  const first = await createNode(map.id, { text: 'First claim' });
  const second = await createNode(map.id, { text: 'Second claim' });
  const premise = await createNode(map.id, { kind: 'PREMISE', text: 'A premise' });
  await createEdge(map.id, first.id, question.id);
  await createEdge(map.id, second.id, question.id);
  const edge = await createEdge(map.id, premise.id, first.id);
  const red = await testDb().team.create({
    data: { mapId: map.id, name: 'Red', color: '#dc2626', side: 'FOR' },
  });
  const blue = await testDb().team.create({
    data: { mapId: map.id, name: 'Blue', color: '#2563eb', side: 'AGAINST' },
  });
  await testDb().teamMember.createMany({
    data: [
      { teamId: red.id, userId: amira.userId },
      { teamId: blue.id, userId: ben.userId },
    ],
  });
  return {
    mapId: map.id,
    owner,
    amira,
    ben,
    commenter,
    viewer,
    first,
    second,
    premise,
    edge,
    red,
    blue,
  };
}

const vote = (
  actor: Actor,
  mapId: string,
  nodeId: string,
  impact: number | null,
  perspective = 'self',
) => setVote(actor, mapId, { nodeId, perspective, impact });

const countsOn = async (actor: Actor, mapId: string, nodeId: string) =>
  (await getVotes(actor, mapId)).tallies.filter((t) => t.nodeId === nodeId);

describe('impact voting', () => {
  it('keeps every vote through moving, re-parenting, re-kinding, and delete then restore', async () => {
    const m = await votingMap();
    await vote(m.amira, m.mapId, m.premise.id, 3);
    await vote(m.ben, m.mapId, m.premise.id, 1, 'lay');
    const before = await countsOn(m.owner, m.mapId, m.premise.id);
    expect(before).toEqual(
      expect.arrayContaining([
        { nodeId: m.premise.id, perspective: 'self', counts: [0, 0, 0, 1, 0] },
        { nodeId: m.premise.id, perspective: 'lay', counts: [0, 1, 0, 0, 0] },
      ]),
    );

    await apply(m.owner, m.mapId, [
      { type: 'moveNodes', moves: [{ id: m.premise.id, x: 400, y: 90 }] },
    ]);
    // Re-parented: the premise now answers the second claim.
    await apply(m.owner, m.mapId, [
      { type: 'updateEdge', id: m.edge.id, toId: m.second.id, baseVersion: 1 },
    ]);
    await apply(m.owner, m.mapId, [
      { type: 'updateNode', id: m.premise.id, kind: 'OBJECTION', baseVersion: 1 },
    ]);
    const edge = await testDb().edge.findUniqueOrThrow({ where: { id: m.edge.id } });
    expect(edge.toId).toBe(m.second.id);
    expect(await countsOn(m.owner, m.mapId, m.premise.id)).toEqual(before);

    // Deleted (soft) and restored by undo: the votes are still there.
    await apply(m.owner, m.mapId, [{ type: 'deleteNode', id: m.premise.id }]);
    await apply(m.owner, m.mapId, [
      { type: 'restoreNode', id: m.premise.id, edgeIds: [m.edge.id] },
    ]);
    expect(await countsOn(m.owner, m.mapId, m.premise.id)).toEqual(before);
    expect((await getVotes(m.amira, m.mapId)).mine).toEqual([
      { nodeId: m.premise.id, perspective: 'self', impact: 3 },
    ]);
  });

  it('hides a claim’s tallies from a member until they vote on it (guided voting), on the server', async () => {
    const m = await votingMap();
    await vote(m.amira, m.mapId, m.first.id, 4);
    await vote(m.amira, m.mapId, m.second.id, 0);

    // Ben has voted on nothing: he is sent no tallies at all, nor anyone's votes.
    const bens = await getVotes(m.ben, m.mapId);
    expect(bens.blind).toBe(true);
    expect(bens.tallies).toEqual([]);
    expect(bens.mine).toEqual([]);
    expect(bens.teams).toEqual([]);

    // Once he votes on the first claim he sees its tallies, and only its.
    await vote(m.ben, m.mapId, m.first.id, 2);
    const after = await getVotes(m.ben, m.mapId);
    expect(after.tallies).toEqual([
      { nodeId: m.first.id, perspective: 'self', counts: [0, 0, 1, 0, 1] },
    ]);

    // The owner sees everything without voting; a viewer sees nothing and cannot vote.
    expect((await getVotes(m.owner, m.mapId)).tallies).toHaveLength(2);
    const viewers = await getVotes(m.viewer, m.mapId);
    expect(viewers.tallies).toEqual([]);
    expect(viewers.canVote).toBe(false);

    // Guided voting off: everyone who may read sees every tally.
    await changeVotingSettings(m.owner, m.mapId, { blind: false });
    expect((await getVotes(m.viewer, m.mapId)).tallies).toHaveLength(2);
  });

  it('gives the owner the distribution per team', async () => {
    const m = await votingMap();
    await vote(m.amira, m.mapId, m.first.id, 4);
    await vote(m.amira, m.mapId, m.first.id, 3, 'team');
    await vote(m.ben, m.mapId, m.first.id, 1);
    await vote(m.commenter, m.mapId, m.first.id, 2);
    const { teams } = await getVotes(m.owner, m.mapId);
    expect(teams.map((t) => t.name)).toEqual(['Red', 'Blue']);
    expect(teams[0]!.tallies).toEqual(
      expect.arrayContaining([
        { nodeId: m.first.id, perspective: 'self', counts: [0, 0, 0, 0, 1] },
        { nodeId: m.first.id, perspective: 'team', counts: [0, 0, 0, 1, 0] },
      ]),
    );
    expect(teams[1]!.tallies).toEqual([
      { nodeId: m.first.id, perspective: 'self', counts: [0, 1, 0, 0, 0] },
    ]);
    // The commenter is on no team: counted overall, not in a team.
    expect(
      (await countsOn(m.owner, m.mapId, m.first.id)).find((t) => t.perspective === 'self'),
    ).toEqual({ nodeId: m.first.id, perspective: 'self', counts: [0, 1, 1, 0, 1] });
  });

  it('sends a member their own team’s tallies only, under the same guided-voting rule', async () => {
    const m = await votingMap();
    const rosa = await addMember(m.mapId, 'EDITOR');
    await testDb().teamMember.create({ data: { teamId: m.red.id, userId: rosa.userId } });
    await vote(m.amira, m.mapId, m.first.id, 4);
    await vote(m.ben, m.mapId, m.first.id, 1);
    await vote(m.commenter, m.mapId, m.first.id, 0);
    await vote(rosa, m.mapId, m.second.id, 3);

    // Amira (Red) sees Red's votes on the claim she rated: not Ben's (Blue), the commenter's, or Rosa's on a claim she has not rated.
    const amiras = await getVotes(m.amira, m.mapId);
    expect(amiras.teams).toEqual([]);
    expect(amiras.myTeam).toEqual({
      teamId: m.red.id,
      name: 'Red',
      color: '#dc2626',
      tallies: [{ nodeId: m.first.id, perspective: 'self', counts: [0, 0, 0, 0, 1] }],
    });
    expect((await getVotes(m.ben, m.mapId)).myTeam?.tallies).toEqual([
      { nodeId: m.first.id, perspective: 'self', counts: [0, 1, 0, 0, 0] },
    ]);
    // On no team: no team's tallies (the owner gets every team's in `teams`).
    expect((await getVotes(m.commenter, m.mapId)).myTeam).toBeNull();
    expect((await getVotes(m.owner, m.mapId)).myTeam).toBeNull();

    // Guided voting off: all of her team's votes, and still no other team's.
    await changeVotingSettings(m.owner, m.mapId, { blind: false });
    expect((await getVotes(m.amira, m.mapId)).myTeam?.tallies).toEqual(
      expect.arrayContaining([
        { nodeId: m.first.id, perspective: 'self', counts: [0, 0, 0, 0, 1] },
        { nodeId: m.second.id, perspective: 'self', counts: [0, 0, 0, 1, 0] },
      ]),
    );
    expect((await getVotes(m.amira, m.mapId)).myTeam?.tallies).toHaveLength(2);

    // Taken off the map, Amira can still read it while it is public, but not her old team's ratings.
    await testDb().argumentMap.update({ where: { id: m.mapId }, data: { isPublic: true } });
    await testDb().mapMember.deleteMany({ where: { mapId: m.mapId, userId: m.amira.userId } });
    const after = await getVotes(m.amira, m.mapId);
    expect(after.myTeam).toBeNull();
    expect(after.tallies.length).toBeGreaterThan(0);
  });

  it('changes and clears a vote, one per claim and perspective', async () => {
    const m = await votingMap();
    await vote(m.amira, m.mapId, m.first.id, 1);
    await vote(m.amira, m.mapId, m.first.id, 4);
    expect((await getVotes(m.amira, m.mapId)).mine).toEqual([
      { nodeId: m.first.id, perspective: 'self', impact: 4 },
    ]);
    await vote(m.amira, m.mapId, m.first.id, null);
    expect((await getVotes(m.amira, m.mapId)).mine).toEqual([]);
    expect(await testDb().vote.count({ where: { mapId: m.mapId } })).toBe(0);
  });

  it('under guided voting, a vote changed after seeing the tallies replaces the first (as Kialo allows), clearing it hides them again, and every change is in the teacher’s count', async () => {
    const m = await votingMap();
    await vote(m.ben, m.mapId, m.first.id, 4);
    // Amira votes anything to see the distribution, then changes her mind.
    await vote(m.amira, m.mapId, m.first.id, 0);
    expect(await countsOn(m.amira, m.mapId, m.first.id)).toEqual([
      { nodeId: m.first.id, perspective: 'self', counts: [1, 0, 0, 0, 1] },
    ]);
    await vote(m.amira, m.mapId, m.first.id, 3);
    // Her changed vote counts once, in place of the first.
    expect(await countsOn(m.amira, m.mapId, m.first.id)).toEqual([
      { nodeId: m.first.id, perspective: 'self', counts: [0, 0, 0, 1, 1] },
    ]);
    // Clearing it takes her out of the distribution and hides it again.
    await vote(m.amira, m.mapId, m.first.id, null);
    expect(await countsOn(m.amira, m.mapId, m.first.id)).toEqual([]);
    // The teacher sees the churn: three votes by Amira on one claim.
    expect((await activityOnMap(m.mapId)).get(m.amira.userId)?.votes).toBe(3);
  });

  it('refuses a viewer, a bad impact, an unknown perspective or claim, and writes nothing', async () => {
    const m = await votingMap();
    const lastSeq = async () =>
      (await testDb().argumentMap.findUniqueOrThrow({ where: { id: m.mapId } })).lastSeq;
    const seq = await lastSeq();
    expect((await errorOf(vote(m.viewer, m.mapId, m.first.id, 2))).code).toBe('FORBIDDEN');
    for (const impact of [5, -1, 2.5])
      expect((await errorOf(vote(m.amira, m.mapId, m.first.id, impact))).code).toBe(
        'VALIDATION_FAILED',
      );
    expect(
      (
        await errorOf(
          setVote(m.amira, m.mapId, { nodeId: m.first.id, perspective: 'self', impact: '3' }),
        )
      ).code,
    ).toBe('VALIDATION_FAILED');
    expect((await errorOf(vote(m.amira, m.mapId, m.first.id, 2, 'judge'))).code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await errorOf(vote(m.amira, m.mapId, m.first.id, 2, 'p:nope'))).code).toBe(
      'VALIDATION_FAILED',
    );
    // Voting for one's team needs a team.
    expect((await errorOf(vote(m.commenter, m.mapId, m.first.id, 2, 'team'))).code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await errorOf(vote(m.amira, m.mapId, id(), 2))).code).toBe('NOT_FOUND');
    // A claim of another map is not on this one.
    const other = await createNode((await createMap()).id);
    expect((await errorOf(vote(m.amira, m.mapId, other.id, 2))).code).toBe('NOT_FOUND');
    // Only the owner changes the settings.
    expect((await errorOf(changeVotingSettings(m.amira, m.mapId, { blind: false }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await errorOf(changeVotingSettings(m.owner, m.mapId, { blind: 'no' }))).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(await testDb().vote.count({ where: { mapId: m.mapId } })).toBe(0);
    expect(await lastSeq()).toBe(seq);
  });

  it('votes from a teacher’s perspective, which goes with its votes when removed', async () => {
    const m = await votingMap();
    await changeVotingSettings(m.owner, m.mapId, { addPerspective: 'A farmer' });
    expect(
      (await errorOf(changeVotingSettings(m.owner, m.mapId, { addPerspective: 'a farmer' }))).code,
    ).toBe('CONFLICT');
    const farmer = (await getVotes(m.amira, m.mapId)).perspectives.find(
      (p) => p.label === 'A farmer',
    )!;
    expect(farmer.key).toMatch(/^p:/);
    await vote(m.amira, m.mapId, m.first.id, 3, farmer.key);
    expect((await getVotes(m.amira, m.mapId)).tallies).toEqual([
      { nodeId: m.first.id, perspective: farmer.key, counts: [0, 0, 0, 1, 0] },
    ]);
    await changeVotingSettings(m.owner, m.mapId, { removePerspective: farmer.key.slice(2) });
    const after = await getVotes(m.amira, m.mapId);
    expect(after.perspectives.map((p) => p.key)).toEqual(['self', 'team', 'lay']);
    expect(after.mine).toEqual([]);
  });

  it('logs a vote as a batch of kind vote without its value, outside undo, in the timeline without the value', async () => {
    const m = await votingMap();
    const { seq } = await vote(m.amira, m.mapId, m.first.id, 4, 'lay');
    const row = await testDb().mapOp.findUniqueOrThrow({
      where: { mapId_seq: { mapId: m.mapId, seq } },
    });
    expect(row.actorId).toBe(m.amira.userId);
    expect(row.op).toEqual({ kind: 'vote', ops: [{ nodeId: m.first.id, perspective: 'lay' }] });
    const history = await getMapHistory(m.owner, m.mapId, null);
    expect(history.items[0]!.summary).toBe('voted on a claim’s impact');
    expect(JSON.stringify(history)).not.toMatch(/"impact"/);
    const undo = await getUndoHistory(m.mapId, m.amira.userId);
    expect(JSON.stringify(undo)).not.toContain(m.first.id);
  });
});
