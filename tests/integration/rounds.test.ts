import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRoundOpInput } from '@/lib/domain/rounds/types';
import type { Actor } from '@/lib/server/authz';
import { openMapStream } from '@/lib/server/realtime/map-stream';
import { applyRoundOps, ZApplyRoundOpsInput } from '@/lib/server/rounds/apply-round-ops';
import { saveBallot } from '@/lib/server/rounds/ballots';
import { createRound } from '@/lib/server/rounds/create-round';
import { deleteRound } from '@/lib/server/rounds/delete-round';
import { editRound, type TEditRoundInput } from '@/lib/server/rounds/edit-round';
import { getRoundView } from '@/lib/server/rounds/get-round';
import { readMapRoundList, roundsOfNodes } from '@/lib/server/rounds/list-rounds';
import { promoteEntry } from '@/lib/server/rounds/promote-entry';
import { addMember, createMap, createNode, createUser, testDb } from '../factories';
import { readStreamThrough } from '../support/stream-frames';
import { allText, buildTeamMap, code, type User } from '../support/team-map';

afterAll(async () => {
  await testDb().$disconnect();
});

let mapId = '';
let nodeId = '';
let owner: User;
let amira: User; // team Red, proposition
let ben: User; // team Blue, opposition
let viewer: User; // on no team
let judge: User;
let red = '';
let blue = '';
let roundId = '';

const send = (actor: Actor, ops: TRoundOpInput[]) =>
  applyRoundOps(actor, roundId, ZApplyRoundOpsInput.parse({ ops, idempotencyKey: randomUUID() }));
const entry = (
  speech: number,
  text: string,
  more: Partial<Extract<TRoundOpInput, { type: 'addEntry' }>> = {},
) =>
  ({
    type: 'addEntry',
    id: randomUUID().slice(0, 20).replaceAll('-', ''),
    speech,
    text,
    ...more,
  }) as const;

beforeAll(async () => {
  ({ mapId, nodeId, owner, amira, ben, viewer, red } = await buildTeamMap());
  blue = (await testDb().team.findFirstOrThrow({ where: { mapId, name: 'Blue' } })).id;
  judge = await addMember(mapId, 'COMMENTER');
  ({ id: roundId } = await createRound(owner, mapId, {
    format: 'preset:world-schools',
    motion: 'This house believes Russia abandoned Armenia',
    seats: { prop: red, opp: blue },
    judges: [judge.userId],
  }));
});

describe('making a round', () => {
  it('is for the map’s owner: a student is refused, and each bench needs its own team of the map', async () => {
    const input = { format: 'preset:world-schools', motion: 'M', seats: { prop: red, opp: blue } };
    expect(await code(createRound(amira, mapId, input))).toBe('FORBIDDEN');
    expect(
      await code(createRound(owner, mapId, { ...input, seats: { prop: red, opp: red } })),
    ).toBe('VALIDATION_FAILED');
    const other = await createMap({ ownerId: owner.userId });
    const stranger = (
      await testDb().team.create({
        data: { mapId: other.id, name: 'X', color: '#000000', side: 'FOR' },
      })
    ).id;
    expect(
      await code(createRound(owner, mapId, { ...input, seats: { prop: stranger, opp: blue } })),
    ).toBe('VALIDATION_FAILED');
    expect(await code(createRound(owner, mapId, { ...input, format: 'preset:no-such' }))).toBe(
      'VALIDATION_FAILED',
    );
    // A judge does not sit on a bench of the round (nor read that team's notes).
    expect(await code(createRound(owner, mapId, { ...input, judges: [amira.userId] }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('is told to the map’s open pages as a round batch, and listed for whoever reads the map as of a log position', async () => {
    const { lastSeq: before } = await testDb().argumentMap.findUniqueOrThrow({
      where: { id: mapId },
    });
    const made = await createRound(owner, mapId, {
      format: 'preset:simple',
      motion: 'Listed as it is made',
      seats: { for: red, against: blue },
    });
    const logged = await testDb().mapOp.findMany({
      where: { mapId, seq: { gt: before } },
      select: { op: true },
    });
    expect(logged.map((l) => l.op)).toEqual([
      expect.objectContaining({ kind: 'round', roundId: made.id, created: true }),
    ]);
    // The rounds page's list: a student reads it, with the position the stream resumes after.
    const list = await readMapRoundList(amira, mapId);
    expect(list.seq).toBe(before + 1);
    expect(list.rounds[0]).toMatchObject({ id: made.id, motion: 'Listed as it is made' });
    const outsider = { kind: 'user' as const, userId: (await createUser()).id };
    expect(await code(readMapRoundList(outsider, mapId))).toBe('NOT_FOUND');
    await deleteRound(owner, made.id);
  });

  it('numbers rounds per map and copies the format into the round', async () => {
    const view = await getRoundView(amira, roundId);
    expect(view.number).toBe(1);
    expect(view.format.speeches.map((s) => s.short)).toEqual([
      'P1',
      'O1',
      'P2',
      'O2',
      'P3',
      'O3',
      'OR',
      'PR',
    ]);
    expect(view.judges).toEqual([expect.objectContaining({ id: judge.userId, chair: true })]);
    expect(view.me).toMatchObject({ flow: true, chair: false, judge: false, manage: false });
  });
});

describe('the flow', () => {
  it('is shared: an entry one team writes, the other team reads; a response goes in a later speech', async () => {
    const first = entry(0, 'CSTO failed Armenia', { nodeId });
    await send(amira, [first]);
    expect(allText((await getRoundView(ben, roundId)).entries)).toContain('CSTO failed Armenia');
    expect(
      await code(send(ben, [entry(0, 'Too early', { answersId: first.id, relation: 'ATTACKS' })])),
    ).toBe('VALIDATION_FAILED');
    await send(ben, [
      entry(1, 'Karabakh was never covered', { answersId: first.id, relation: 'ATTACKS' }),
    ]);
    const view = await getRoundView(owner, roundId);
    expect(view.entries.map((e) => e.text)).toEqual([
      'CSTO failed Armenia',
      'Karabakh was never covered',
    ]);
  });

  it('keeps a team’s private notes with that team: not the other team, not the teacher, not the stream of either', async () => {
    await send(amira, [entry(1, 'Red secret: press them on Article 4', { teamId: red })]);
    expect(allText(await getRoundView(amira, roundId))).toContain('Red secret');
    for (const reader of [ben, owner, viewer])
      expect(allText(await getRoundView(reader, roundId))).not.toContain('Red secret');
    expect(await code(send(ben, [entry(1, 'Blue writing as Red', { teamId: red })]))).toBe(
      'FORBIDDEN',
    );
    // Another team's note is not there for Ben: editing it is as for an entry that never was.
    const note = (await getRoundView(amira, roundId)).entries.find((e) => e.teamId === red)!;
    expect(
      await code(send(ben, [{ type: 'editEntry', id: note.id, text: 'x', baseVersion: 1 }])),
    ).toBe('NOT_FOUND');
    expect(await code(send(ben, [{ type: 'deleteEntry', id: note.id }]))).toBe('NOT_FOUND');
    // Nor can the shared flow answer a team's note (the answer would give the note away).
    const secret = (await getRoundView(amira, roundId)).entries.find((e) => e.teamId === red)!;
    expect(
      await code(
        send(amira, [
          entry(2, 'Public reply to our note', { answersId: secret.id, relation: 'SUPPORTS' }),
        ]),
      ),
    ).toBe('VALIDATION_FAILED');
    await send(amira, [
      entry(2, 'Our follow-up note', { answersId: secret.id, relation: 'SUPPORTS', teamId: red }),
    ]);
    for (const reader of [ben, owner]) {
      const abort = new AbortController();
      const stream = await openMapStream(reader, mapId, 0, abort.signal);
      const { lastSeq } = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
      const text = await readStreamThrough(stream, abort, lastSeq);
      expect(text).toContain('event: round');
      expect(text).not.toContain('Red secret');
    }
  });

  it('refuses a stale edit and anyone who may only read', async () => {
    const { entries } = await getRoundView(amira, roundId);
    const first = entries.find((e) => e.text === 'CSTO failed Armenia')!;
    await send(ben, [
      {
        type: 'editEntry',
        id: first.id,
        text: 'CSTO failed Armenia in 2022',
        baseVersion: first.version,
      },
    ]);
    expect(
      await code(
        send(amira, [{ type: 'editEntry', id: first.id, text: 'Old', baseVersion: first.version }]),
      ),
    ).toBe('STALE_VERSION');
    expect(await code(send(viewer, [entry(0, 'A viewer flows')]))).toBe('FORBIDDEN');
  });
});

describe('the clocks', () => {
  it('run for the chair and the teacher, and nobody else', async () => {
    expect(await code(send(amira, [{ type: 'clock', action: 'start' }]))).toBe('FORBIDDEN');
    await send(judge, [{ type: 'clock', action: 'start' }]);
    expect((await getRoundView(ben, roundId)).clock.since).not.toBeNull();
    await send(owner, [{ type: 'clock', action: 'goto', speech: 1 }]);
    const { clock } = await getRoundView(ben, roundId);
    expect(clock).toMatchObject({ speech: 1, since: null, elapsedMs: 0 });
    expect(await code(send(owner, [{ type: 'clock', action: 'prepStart', side: 'FOR' }]))).toBe(
      'CONFLICT',
    );
  });
});

describe('ballots', () => {
  const ballot = {
    decision: { winner: 'opp' },
    reason: 'Opposition showed the CSTO never covered Karabakh.',
    ties: [
      { text: 'The treaty’s scope decided it', nodeIds: [] as string[], entryIds: [] as string[] },
    ],
  };

  it('are the judge’s alone until released; then everyone in the round reads them, and they no longer change', async () => {
    expect(await code(saveBallot(amira, roundId, ballot, { release: false }))).toBe('FORBIDDEN');
    // A first save from two tabs at once makes one draft, not an error.
    await Promise.all([
      saveBallot(judge, roundId, ballot, { release: false }),
      saveBallot(judge, roundId, ballot, { release: false }),
    ]);
    expect(await testDb().ballot.count({ where: { roundId } })).toBe(1);
    await saveBallot(
      judge,
      roundId,
      { ...ballot, ties: [{ ...ballot.ties[0], nodeIds: [nodeId] }] },
      { release: false },
    );
    expect((await getRoundView(amira, roundId)).ballots).toEqual([]);
    expect((await getRoundView(judge, roundId)).ballots).toHaveLength(1);
    expect((await readMapRoundList(amira, mapId)).rounds[0]!.results).toEqual([]);

    await saveBallot(
      judge,
      roundId,
      { ...ballot, ties: [{ ...ballot.ties[0], nodeIds: [nodeId] }] },
      { release: true },
    );
    const seen = (await getRoundView(ben, roundId)).ballots;
    expect(seen).toEqual([
      expect.objectContaining({
        decision: { winner: 'opp' },
        ties: [expect.objectContaining({ nodeIds: [nodeId] })],
      }),
    ]);
    expect((await readMapRoundList(amira, mapId)).rounds[0]!.results).toEqual([
      expect.objectContaining({ outcome: 'Opposition (Blue) won' }),
    ]);
    expect(await code(saveBallot(judge, roundId, ballot, { release: true }))).toBe('CONFLICT');
    // Nor does a draft saved afterwards (a second tab) change what the teams were given.
    expect(
      await code(
        saveBallot(judge, roundId, { ...ballot, decision: { winner: 'prop' } }, { release: false }),
      ),
    ).toBe('CONFLICT');
    expect((await getRoundView(ben, roundId)).ballots[0]!.decision).toEqual({ winner: 'opp' });
  });

  it('must fit the format and point at what is on this flow and map', async () => {
    const other = await createRound(owner, mapId, {
      format: 'preset:world-schools',
      motion: 'M',
      seats: { prop: red, opp: blue },
      judges: [judge.userId],
    });
    const refused = (b: unknown) => code(saveBallot(judge, other.id, b, { release: true }));
    expect(await refused({ ...ballot, decision: { winner: 'og' } })).toBe('VALIDATION_FAILED');
    expect(await refused({ ...ballot, decision: {}, reason: 'x' })).toBe('VALIDATION_FAILED');
    expect(
      await refused({ ...ballot, scores: [{ position: 'prop', speaker: 1, points: 95 }] }),
    ).toBe('VALIDATION_FAILED');
    const elsewhere = await createNode((await createMap({ ownerId: owner.userId })).id, {
      text: 'Elsewhere',
    });
    expect(
      await refused({ ...ballot, ties: [{ text: 'x', nodeIds: [elsewhere.id], entryIds: [] }] }),
    ).toBe('VALIDATION_FAILED');
  });
});

describe('map and flow', () => {
  it('an entry becomes a card of the map, joined to the card of what it answers; the map knows the rounds its cards came up in', async () => {
    const { entries } = await getRoundView(amira, roundId);
    const response = entries.find((e) => e.text === 'Karabakh was never covered')!;
    // Ben flows the round but only comments on the map: the card is for its editors.
    for (const reader of [viewer, ben])
      expect(await code(promoteEntry(reader, roundId, response.id))).toBe('FORBIDDEN');
    const { nodeId: card } = await promoteEntry(amira, roundId, response.id);
    const node = await testDb().node.findUniqueOrThrow({
      where: { id: card },
      include: { outgoing: true },
    });
    expect(node).toMatchObject({
      text: 'Karabakh was never covered',
      kind: 'OBJECTION',
      side: 'AGAINST',
    });
    expect(node.outgoing).toEqual([expect.objectContaining({ toId: nodeId, relation: 'ATTACKS' })]);
    expect(
      (await getRoundView(amira, roundId)).entries.find((e) => e.id === response.id)?.nodeId,
    ).toBe(card);
    expect(await code(promoteEntry(amira, roundId, response.id))).toBe('CONFLICT');
    const rounds = await roundsOfNodes(amira, mapId);
    expect(rounds[nodeId]).toEqual([expect.objectContaining({ number: 1, speeches: ['P1'] })]);
    expect(rounds[card]).toEqual([expect.objectContaining({ number: 1, speeches: ['O1'] })]);
  });
});

describe('deleting a round', () => {
  it('is for the map’s managers: its flow and ballots go, for everyone; the cards it added stay', async () => {
    const round = await createRound(owner, mapId, {
      format: 'preset:simple',
      motion: 'To be deleted',
      seats: { for: red, against: blue },
    });
    await applyRoundOps(
      amira,
      round.id,
      ZApplyRoundOpsInput.parse({ ops: [entry(0, 'Soon gone')] }),
    );
    const cards = await testDb().node.count({ where: { mapId, deletedAt: null } });
    expect(await code(deleteRound(amira, round.id))).toBe('FORBIDDEN');
    await deleteRound(owner, round.id);
    expect(await code(getRoundView(owner, round.id))).toBe('NOT_FOUND');
    expect(await testDb().flowEntry.count({ where: { roundId: round.id } })).toBe(0);
    expect(await testDb().node.count({ where: { mapId, deletedAt: null } })).toBe(cards);
    expect((await readMapRoundList(amira, mapId)).rounds.map((r) => r.motion)).not.toContain(
      'To be deleted',
    );
  });

  it('is said by a stream that catches up over it, so an open page need not ask for the round again', async () => {
    const round = await createRound(owner, mapId, {
      format: 'preset:simple',
      motion: 'Deleted while a page reconnects',
      seats: { for: red, against: blue },
    });
    const { lastSeq: before } = await testDb().argumentMap.findUniqueOrThrow({
      where: { id: mapId },
    });
    await deleteRound(owner, round.id);
    // A page that was away when it happened reads the log from where it was.
    const abort = new AbortController();
    const stream = await openMapStream(amira, mapId, before, abort.signal);
    const { lastSeq } = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
    const text = await readStreamThrough(stream, abort, lastSeq);
    const rounds = [...text.matchAll(/event: round\ndata: (.*)\n/g)].map(
      ([, data]) => JSON.parse(data!) as { roundId?: string; deleted?: boolean },
    );
    expect(rounds).toContainEqual(expect.objectContaining({ roundId: round.id, deleted: true }));
  });
});

describe('correcting a round', () => {
  /** What a refused correction must leave alone: the round's rows and the map's log. */
  const state = async (id: string) => {
    const round = await testDb().round.findUniqueOrThrow({
      where: { id },
      select: {
        motion: true,
        updatedAt: true,
        seats: { select: { position: true, teamId: true }, orderBy: { position: 'asc' } },
        judges: { select: { userId: true, chair: true }, orderBy: { userId: 'asc' } },
      },
    });
    const { lastSeq } = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
    return { round, lastSeq };
  };
  const lineUp = async (id: string) => {
    const view = await getRoundView(owner, id);
    return {
      motion: view.motion,
      seats: Object.fromEntries(view.seats.map((s) => [s.position, s.team.name])),
      judges: view.judges.map((j) => `${j.id}${j.chair ? ' (chair)' : ''}`).toSorted(),
    };
  };
  /** The version of the round's line-up as its owner's page reads it, which a correction sends back. */
  const seen = async (id: string) => (await getRoundView(owner, id)).lineUp!.version;
  /** A correction by the owner of the round as it is now. */
  const correct = async (id: string, change: Omit<TEditRoundInput, 'version'>) =>
    editRound(owner, id, { ...change, version: await seen(id) });
  let second: User;
  let green = '';
  let round = '';
  let input: Omit<TEditRoundInput, 'version'>;

  beforeAll(async () => {
    second = await addMember(mapId, 'COMMENTER');
    green = (
      await testDb().team.create({
        data: { mapId, name: 'Green', color: '#15803d', side: 'FOR' },
      })
    ).id;
    ({ id: round } = await createRound(owner, mapId, {
      format: 'preset:world-schools',
      motion: 'This house beleives Russia abandoned Armenia',
      seats: { prop: blue, opp: red },
      judges: [judge.userId],
    }));
    input = {
      motion: 'This house believes Russia abandoned Armenia',
      seats: { prop: blue, opp: red },
      judges: [judge.userId],
      chairId: judge.userId,
    };
  });

  it('lets the map’s owner fix the motion, swap the benches, change the judges and the chair, all at once, and tells the open pages', async () => {
    const { lastSeq } = await state(round);
    await correct(round, {
      motion: '  This house believes Russia abandoned Armenia  ',
      seats: { prop: red, opp: blue },
      judges: [judge.userId, second.userId],
      chairId: second.userId,
    });
    expect(await lineUp(round)).toEqual({
      motion: 'This house believes Russia abandoned Armenia',
      seats: { prop: 'Red', opp: 'Blue' },
      judges: [`${judge.userId}`, `${second.userId} (chair)`].toSorted(),
    });
    // One round batch in the log: the open pages of the round read it again.
    const logged = await testDb().mapOp.findMany({
      where: { mapId, seq: { gt: lastSeq } },
      select: { op: true },
    });
    expect(logged.map((l) => l.op)).toEqual([
      expect.objectContaining({ kind: 'round', roundId: round, edited: true }),
    ]);
    // The new chair runs the clocks; the judge taken off the chair no longer does.
    expect((await getRoundView(second, round)).me).toMatchObject({ chair: true, judge: true });
    expect((await getRoundView(judge, round)).me).toMatchObject({ chair: false, judge: true });

    // A bench can take a team that was in no seat; a judge can go; the chair falls to the first judge left.
    await correct(round, {
      motion: 'This house believes Russia abandoned Armenia',
      seats: { prop: green, opp: blue },
      judges: [judge.userId],
      chairId: second.userId,
    });
    expect(await lineUp(round)).toMatchObject({
      seats: { prop: 'Green', opp: 'Blue' },
      judges: [`${judge.userId} (chair)`],
    });
    await correct(round, { ...input, seats: { prop: red, opp: blue } });
  });

  it('refuses a save based on the round as it was before someone else corrected it (STALE_VERSION), writing nothing; the same save on the round as it is now goes through', async () => {
    // Two teachers open the edit form on the same round (Red proposes).
    const asOpened = { ...input, seats: { prop: red, opp: blue } };
    const opened = await seen(round);
    // The first fixes the motion and saves.
    await editRound(owner, round, {
      ...asOpened,
      motion: 'This house believes that Russia abandoned Armenia in 2023',
      version: opened,
    });
    const before = await state(round);
    // The second, their form still on the old round, swaps the benches: refused, nothing written.
    const stale = editRound(owner, round, {
      ...asOpened,
      seats: { prop: blue, opp: red },
      version: opened,
    });
    await expect(stale).rejects.toMatchObject({ code: 'STALE_VERSION' });
    await expect(stale).rejects.toThrow(/Someone else changed this round/);
    expect(await state(round)).toEqual(before);
    expect(await lineUp(round)).toMatchObject({
      motion: 'This house believes that Russia abandoned Armenia in 2023',
      seats: { prop: 'Red', opp: 'Blue' },
    });
    // No version at all is refused too (PATCH requires it), and writes nothing.
    expect(await code(editRound(owner, round, asOpened as unknown as TEditRoundInput))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await state(round)).toEqual(before);
    // A clock command moves the round's updatedAt but not its line-up: no false refusal.
    const current = await seen(round);
    await applyRoundOps(
      owner,
      round,
      ZApplyRoundOpsInput.parse({
        ops: [{ type: 'clock', action: 'start' }],
        idempotencyKey: randomUUID(),
      }),
    );
    expect((await state(round)).round.updatedAt).not.toEqual(before.round.updatedAt);
    // Saved again on the round as it is now, the swap goes through (the motion as the first left it).
    await editRound(owner, round, {
      ...asOpened,
      motion: 'This house believes that Russia abandoned Armenia in 2023',
      seats: { prop: blue, opp: red },
      version: current,
    });
    expect(await lineUp(round)).toMatchObject({
      motion: 'This house believes that Russia abandoned Armenia in 2023',
      seats: { prop: 'Blue', opp: 'Red' },
    });
    await correct(round, asOpened);
  });

  it('refuses students, other teachers, teams and judges not of this map, one team on two benches, and writes nothing then', async () => {
    const before = await state(round);
    const ok = { ...input, seats: { prop: red, opp: blue }, version: await seen(round) };
    const otherTeacher = { kind: 'user' as const, userId: (await createUser()).id };
    const otherMap = await createMap({ ownerId: otherTeacher.userId });
    const stranger = (
      await testDb().team.create({
        data: { mapId: otherMap.id, name: 'Elsewhere', color: '#000000', side: 'FOR' },
      })
    ).id;
    const outsider = (await createUser()).id;
    const refusals: [string, () => Promise<unknown>][] = [
      ['FORBIDDEN', () => editRound(amira, round, { ...ok, motion: 'Students rewrite it' })],
      ['FORBIDDEN', () => editRound(viewer, round, ok)],
      ['NOT_FOUND', () => editRound(otherTeacher, round, ok)],
      ['NOT_FOUND', () => editRound(owner, 'no-such-round', ok)],
      [
        'VALIDATION_FAILED',
        () => editRound(owner, round, { ...ok, seats: { prop: red, opp: red } }),
      ],
      [
        'VALIDATION_FAILED',
        () => editRound(owner, round, { ...ok, seats: { prop: stranger, opp: blue } }),
      ],
      ['VALIDATION_FAILED', () => editRound(owner, round, { ...ok, seats: { prop: red } })],
      ['VALIDATION_FAILED', () => editRound(owner, round, { ...ok, judges: [outsider] })],
      // A judge does not sit on a bench of the round.
      ['VALIDATION_FAILED', () => editRound(owner, round, { ...ok, judges: [ben.userId] })],
      ['VALIDATION_FAILED', () => editRound(owner, round, { ...ok, motion: '   ' })],
      ['VALIDATION_FAILED', () => editRound(owner, round, { ...ok, motion: 'x'.repeat(501) })],
    ];
    for (const [expected, attempt] of refusals) expect(await code(attempt())).toBe(expected);
    expect(await state(round)).toEqual(before);
  });

  it('keeps the benches and judges once a ballot is released, but the motion and the chair can still be corrected', async () => {
    const id = (
      await createRound(owner, mapId, {
        format: 'preset:simple',
        motion: 'Released soon',
        seats: { for: red, against: blue },
        judges: [judge.userId, second.userId],
      })
    ).id;
    const now = { motion: 'Released soon', seats: { for: red, against: blue } };
    const judges = [judge.userId, second.userId];
    // A judge who has begun a ballot stays a judge (their draft would be lost).
    await saveBallot(judge, id, { decision: {}, reason: 'Half written' }, { release: false });
    const before = await state(id);
    const drafting = correct(id, { ...now, judges: [second.userId] });
    await expect(drafting).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(drafting).rejects.toThrow(/has begun a ballot/);
    expect(await state(id)).toEqual(before);
    // Until a ballot is released, the benches can still swap.
    await correct(id, { ...now, seats: { for: blue, against: red }, judges });
    await correct(id, { ...now, judges });

    await saveBallot(
      judge,
      id,
      { decision: { winner: 'for' }, reason: 'For carried it' },
      { release: true },
    );
    const released = await state(id);
    for (const change of [
      { ...now, seats: { for: blue, against: red }, judges },
      { ...now, judges: [...judges, viewer.userId] },
    ]) {
      const attempt = correct(id, change);
      await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(attempt).rejects.toThrow(/ballot of this round is released/);
    }
    expect(await state(id)).toEqual(released);
    await correct(id, {
      ...now,
      motion: 'Released: the wording fixed',
      judges,
      chairId: second.userId,
    });
    expect(await lineUp(id)).toMatchObject({
      motion: 'Released: the wording fixed',
      judges: [`${judge.userId}`, `${second.userId} (chair)`].toSorted(),
    });
  });
});

// PGlite serves one session: nothing runs beside an open transaction there.
const postgres = process.env.COUNTERPOINT_DB_MODE !== 'embedded';

describe.runIf(postgres)(
  'a ballot or flow on its way while the round changes (PostgreSQL only)',
  () => {
    /**
     * Holds a row of `table` (the round's, as a clock or another ballot would) until
     * released; `until(n)`: once n sessions wait behind it, directly or behind
     * one that waits for it, so the order they take the row in is known.
     */
    const holdRound = (id: string) => holdRow('Round', id);

    async function holdRow(table: 'Round' | 'ArgumentMap', id: string) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding!: (pid: number) => void;
      const held = new Promise<number>((resolve) => (holding = resolve));
      const holder = testDb().$transaction(
        async (tx) => {
          await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE "id" = $1 FOR UPDATE`, id);
          const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          holding(row!.pid);
          await released;
        },
        { timeout: 30_000 },
      );
      const pid = await held;
      const waiting = async () => {
        const [row] = await testDb().$queryRaw<{ n: number }[]>`
        WITH RECURSIVE chain AS (
          SELECT a.pid FROM pg_stat_activity a WHERE ${pid}::int = ANY(pg_blocking_pids(a.pid))
          UNION
          SELECT a.pid FROM pg_stat_activity a JOIN chain c ON c.pid = ANY(pg_blocking_pids(a.pid))
        ) SELECT count(*)::int AS n FROM chain`;
        return row?.n ?? 0;
      };
      return {
        until: async (n: number) => {
          for (let i = 0; i < 100 && (await waiting()) < n; i++)
            await new Promise((resolve) => setTimeout(resolve, 100));
          expect(await waiting()).toBe(n);
        },
        release: async () => {
          release();
          await holder;
        },
      };
    }

    const judged = async () => {
      const [first, other] = [
        await addMember(mapId, 'COMMENTER'),
        await addMember(mapId, 'COMMENTER'),
      ];
      const id = (
        await createRound(owner, mapId, {
          format: 'preset:simple',
          motion: 'Judges change',
          seats: { for: red, against: blue },
          judges: [first.userId, other.userId],
        })
      ).id;
      return { id, first, other };
    };
    const ballot = { decision: { winner: 'for' }, reason: 'For won' };

    it('refuses the ballot of a judge taken off meanwhile: no result from someone who no longer judges the round', async () => {
      const { id, first, other } = await judged();
      const { version } = (await getRoundView(owner, id)).lineUp!;
      const round = await holdRound(id);
      // The teacher takes the first judge off; the correction waits for the round's row.
      const edited = editRound(owner, id, {
        motion: 'Judges change',
        seats: { for: red, against: blue },
        judges: [other.userId],
        version,
      });
      await round.until(1);
      // Meanwhile the first judge, still a judge as far as anyone can tell, releases a ballot.
      const sent = code(saveBallot(first, id, ballot, { release: true }));
      await round.until(2);
      await round.release();
      await edited;

      expect(await sent).toBe('FORBIDDEN');
      expect(await testDb().ballot.count({ where: { roundId: id } })).toBe(0);
      expect((await getRoundView(amira, id)).ballots).toEqual([]);
    }, 60_000);

    it('answers flow sent as the round is deleted 404, not a failure of the server', async () => {
      const { id } = await judged();
      // Something else holds the map's row (as any edit of it would) until released.
      const map = await holdRow('ArgumentMap', mapId);
      const deleted = deleteRound(owner, id);
      await map.until(1);
      const sent = code(
        applyRoundOps(
          amira,
          id,
          ZApplyRoundOpsInput.parse({ ops: [entry(1, 'Too late')], idempotencyKey: randomUUID() }),
        ),
      );
      await map.until(2);
      await map.release();
      await deleted;

      expect(await sent).toBe('NOT_FOUND');
      expect(await testDb().flowEntry.count({ where: { roundId: id } })).toBe(0);
    }, 60_000);

    it('answers a draft saved as the round is deleted 404, not a failure of the server', async () => {
      const { id, first } = await judged();
      const round = await holdRound(id);
      const deleted = deleteRound(owner, id);
      await round.until(1);
      const sent = code(saveBallot(first, id, ballot, { release: false }));
      await round.until(2);
      await round.release();
      await deleted;

      expect(await sent).toBe('NOT_FOUND');
      expect(await testDb().ballot.count({ where: { roundId: id } })).toBe(0);
    }, 60_000);
  },
);
