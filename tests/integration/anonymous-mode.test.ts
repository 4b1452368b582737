import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { joinClassroom, ZJoinClassroomInput } from '@/lib/server/classrooms/join-classroom';
import { removeStudent } from '@/lib/server/classrooms/remove-student';
import { setAnonymous } from '@/lib/server/maps/anonymous-mode';
import { exportMap } from '@/lib/server/maps/export-map';
import { getMapHistory } from '@/lib/server/maps/get-map-history';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { openMapStream } from '@/lib/server/realtime/map-stream';
import { publishPresence, ZPresenceInput } from '@/lib/server/realtime/publish-presence';
import { applyRoundOps, ZApplyRoundOpsInput } from '@/lib/server/rounds/apply-round-ops';
import { createRound } from '@/lib/server/rounds/create-round';
import { getRoundView } from '@/lib/server/rounds/get-round';
import { listClassRounds, readMapRoundList, roundsOfNodes } from '@/lib/server/rounds/list-rounds';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { resolveShareLink, shareLinkActor } from '@/lib/server/share-links/resolve-share-link';
import { getSocialView } from '@/lib/server/social/get-social-view';
import type { SocialChanges } from '@/lib/domain/social';
import { flagCard } from '@/lib/server/moderation/flags';
import { getModeration } from '@/lib/server/moderation/get-moderation';
import { changeModerationSettings } from '@/lib/server/moderation/moderation-settings';
import { suggestChange } from '@/lib/server/moderation/suggest-change';
import { getMyTasks } from '@/lib/server/tasks/get-my-tasks';
import { getVotes } from '@/lib/server/votes/get-votes';
import { createMap, createNode, testDb } from '../factories';
import { code, nodeNote, sendSocial, type User } from '../support/team-map';

afterAll(async () => {
  await testDb().$disconnect();
});

/** A person whose name, email and picture must never reach a classmate. */
async function person(name: string) {
  const tag = randomUUID().slice(0, 8);
  const user = await testDb().user.create({
    data: {
      name: `${name} ${tag}`,
      email: `${name.toLowerCase().replace(' ', '.')}.${tag}@school.example`,
      image: `https://images.example/${tag}.png`,
    },
  });
  return { actor: { kind: 'user', userId: user.id } as User, user };
}

type Person = Awaited<ReturnType<typeof person>>;
/** Everything that would give the person away: name, whole email, its local part, picture. */
const secretsOf = ({ user }: Person) => [
  user.name!,
  user.email!,
  user.email!.split('@')[0]!,
  user.image!,
];

let teacher: Person, ada: Person, ben: Person, cy: Person, dee: Person, outsider: Person;
let classroomId: string, joinCode: string, mapId: string, nodeId: string;
let red: string, blue: string, roundId: string;

/** A comment by `who` on the claim. */
const comment = (who: Person, body: string) =>
  sendSocial(who.actor, mapId, [{ type: 'addComment', id: randomUUID(), nodeId, body }]);

/** The name under which `viewer` sees the comment `body`. */
async function authorOf(viewer: Person, body: string) {
  const view = await getSocialView(viewer.actor, mapId);
  return view.comments.find((c) => c.body === body)?.authorName;
}

/** Reads a stream until `until` holds for its text, or a few seconds pass. */
async function readUntil(stream: ReadableStream<Uint8Array>, until: (text: string) => boolean) {
  const reader = stream.getReader();
  let text = '';
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  const deadline = Date.now() + 8_000;
  while (!until(text) && Date.now() < deadline) {
    pending ??= reader.read();
    const next = await Promise.race([
      pending,
      new Promise<null>((resolve) => setTimeout(resolve, 200, null)),
    ]);
    if (next === null) continue;
    pending = null;
    if (next.done) break;
    text += new TextDecoder().decode(next.value);
  }
  return text;
}

beforeAll(async () => {
  teacher = await person('Tess Teacher');
  ada = await person('Ada Lovelace');
  ben = await person('Ben Okafor');
  cy = await person('Cy Park');
  dee = await person('Dee Judge');
  outsider = await person('Olly Outsider');
  ({ id: classroomId } = await createClassroom(teacher.actor, { name: 'Period 2' }));
  ({ joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id: classroomId } }));
  for (const student of [ada, ben, cy, dee])
    await joinClassroom(student.actor, ZJoinClassroomInput.parse({ code: joinCode }));
  ({ id: mapId } = await createMap({ ownerId: teacher.user.id }));
  await testDb().argumentMap.update({ where: { id: mapId }, data: { classroomId } });
  nodeId = (await createNode(mapId, { text: 'Uniforms reduce bullying' })).id;
  red = (
    await testDb().team.create({ data: { mapId, name: 'Red', color: '#b91c1c', side: 'FOR' } })
  ).id;
  blue = (
    await testDb().team.create({ data: { mapId, name: 'Blue', color: '#1d4ed8', side: 'AGAINST' } })
  ).id;
  await testDb().teamMember.createMany({
    data: [
      { teamId: red, userId: ada.user.id },
      { teamId: red, userId: ben.user.id },
      { teamId: blue, userId: cy.user.id },
    ],
  });
  ({ id: roundId } = await createRound(teacher.actor, mapId, {
    format: 'preset:world-schools',
    motion: 'This house would ban uniforms',
    seats: { prop: red, opp: blue },
    judges: [dee.user.id],
  }));
  await comment(ada, 'Ada says the claim needs a source');
  await comment(cy, 'Cy disagrees with the claim');
  await comment(teacher, 'Teacher asks for evidence');
  // A note of Red's by Ada, assigning Ben.
  await sendSocial(ada.actor, mapId, [
    {
      type: 'upsertAnnotation',
      id: randomUUID(),
      teamId: red,
      target: { kind: 'NODE', nodeId },
      kind: 'ASSIGNMENT',
      body: 'Find a study',
      assigneeId: ben.user.id,
    },
    nodeNote(nodeId, red, 'Red note by Ada'),
  ]);
});

describe('turning anonymous mode on', () => {
  it('is refused to students and to strangers, and nothing changes', async () => {
    const before = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
    expect(await code(setAnonymous(ada.actor, mapId, true))).toBe('FORBIDDEN');
    expect(await code(setAnonymous(outsider.actor, mapId, true))).toBe('NOT_FOUND');
    expect(await code(setAnonymous({ kind: 'anonymous' }, mapId, true))).toBe('NOT_FOUND');
    const after = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
    expect(after.anonymousSince).toBeNull();
    expect(after.lastSeq).toBe(before.lastSeq);
    // Before it is on, classmates see names.
    expect(await authorOf(ben, 'Ada says the claim needs a source')).toBe(ada.user.name);
  });

  it('is the teacher’s, is logged on the timeline, and cannot be turned off (409, nothing changed)', async () => {
    const { anonymousSince } = await setAnonymous(teacher.actor, mapId, true);
    const map = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
    expect(map.anonymousSince?.toISOString()).toBe(anonymousSince);
    const history = await getMapHistory(ben.actor, mapId, null);
    expect(history.items[0]).toMatchObject({
      summary: 'made the map anonymous',
      who: teacher.user.name,
    });

    expect(await code(setAnonymous(teacher.actor, mapId, false))).toBe('CONFLICT');
    expect(await code(setAnonymous(ada.actor, mapId, false))).toBe('FORBIDDEN');
    const after = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
    expect(after.anonymousSince?.toISOString()).toBe(anonymousSince);
    expect(after.lastSeq).toBe(map.lastSeq);

    // Turning it on again keeps the first time.
    await setAnonymous(teacher.actor, mapId, true);
    const again = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
    expect(again.anonymousSince?.toISOString()).toBe(anonymousSince);
  });
});

describe('an anonymous map', () => {
  it('shows students each other as "Student N", the teacher by name, and tells a student their own pseudonym', async () => {
    // Ben moderates: Ada's suggestion and Cy's flag wait in his queue.
    await changeModerationSettings(teacher.actor, mapId, { requireApproval: true });
    await changeModerationSettings(teacher.actor, mapId, { addModerator: ben.user.id });
    await suggestChange(ada.actor, mapId, {
      ops: [
        {
          type: 'createNode',
          id: randomUUID(),
          kind: 'OBJECTION',
          text: 'Ada objects',
          x: 0,
          y: 0,
        },
      ],
    });
    await flagCard(cy.actor, mapId, { nodeId, reason: 'Needs a source' });

    const adaAs = await authorOf(ben, 'Ada says the claim needs a source');
    expect(adaAs).toMatch(/^Student \d+$/);
    expect(await authorOf(ben, 'Cy disagrees with the claim')).toMatch(/^Student \d+$/);
    expect(await authorOf(ben, 'Cy disagrees with the claim')).not.toBe(adaAs);
    expect(await authorOf(ben, 'Teacher asks for evidence')).toBe(teacher.user.name);
    // Ada sees herself as classmates see her, and is told so.
    const adas = await getSocialView(ada.actor, mapId);
    expect(adas.anonymity).toMatchObject({ seesNames: false, youAppearAs: adaAs });
    expect(await authorOf(ada, 'Ada says the claim needs a source')).toBe(adaAs);
    // A mention writes the pseudonym.
    expect(adas.people.map((p) => p.name)).toContain(adaAs);
  });

  it('shows its teacher the names with the pseudonyms beside them', async () => {
    const adaAs = await authorOf(ben, 'Ada says the claim needs a source');
    const view = await getSocialView(teacher.actor, mapId);
    expect(view.anonymity).toMatchObject({ seesNames: true, youAppearAs: null });
    expect(view.comments.find((c) => c.body.startsWith('Ada says'))?.authorName).toBe(
      `${ada.user.name} (${adaAs})`,
    );
    // The teacher's mention list writes the pseudonym, with the name to pick by.
    expect(view.people.find((p) => p.id === ada.user.id)).toEqual({
      id: ada.user.id,
      name: adaAs,
      realName: ada.user.name,
    });
    const history = JSON.stringify(await getMapHistory(teacher.actor, mapId, null));
    expect(history).toContain(ada.user.name);
  });

  it('keeps a student’s pseudonym across reloads, leaving and rejoining the class, and a team move', async () => {
    const body = 'Ada says the claim needs a source';
    const first = await authorOf(cy, body);
    expect(await authorOf(cy, body)).toBe(first);
    expect(await authorOf(ben, body)).toBe(first);

    await removeStudent(teacher.actor, classroomId, ada.user.id);
    expect(await authorOf(cy, body)).toBe(first);
    await joinClassroom(ada.actor, ZJoinClassroomInput.parse({ code: joinCode }));
    await testDb().teamMember.deleteMany({ where: { userId: ada.user.id, team: { mapId } } });
    await testDb().teamMember.create({ data: { teamId: blue, userId: ada.user.id } });
    expect(await authorOf(cy, body)).toBe(first);
    expect((await getSocialView(ada.actor, mapId)).anonymity?.youAppearAs).toBe(first);
  });

  it('gives each person one number, unique on the map, when many are met at once', async () => {
    const newcomers: Person[] = [];
    for (let i = 0; i < 8; i++) newcomers.push(await person(`New ${i}`));
    for (const p of newcomers)
      await joinClassroom(p.actor, ZJoinClassroomInput.parse({ code: joinCode }));
    const ids = newcomers.map((p) => p.user.id);
    // Eight newcomers open the map at once: each request meets all of them
    // (the @mention list) and numbers those who have none yet.
    const views = await Promise.all(newcomers.map((p) => getSocialView(p.actor, mapId)));
    // Every reader sees the same names, classmates under the same per-map ids, themselves by their own id.
    const names = (view: (typeof views)[number]) => view.people.map((p) => p.name).sort();
    for (const view of views) expect(names(view)).toEqual(names(views[0]!));
    const appearAs = views.map((v) => v.anonymity?.youAppearAs);
    expect(new Set(appearAs).size).toBe(newcomers.length);
    const idOf = (view: (typeof views)[number], name: string | null | undefined) =>
      view.people.find((p) => p.name === name)?.id;
    appearAs.forEach((name, i) => {
      expect(idOf(views[i]!, name)).toBe(ids[i]);
      const asOthersSee = views.filter((_, j) => j !== i).map((view) => idOf(view, name));
      expect(new Set(asOthersSee).size).toBe(1);
      expect(asOthersSee[0]).toMatch(/^anon_/);
    });
    const rows = await testDb().mapPseudonym.findMany({ where: { mapId } });
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(rows.length);
    expect(ids.every((id) => rows.some((r) => r.userId === id))).toBe(true);
  });

  it('sends a student no classmate’s name, email, picture or user id from any route or stream of the map, and a mention by per-map id reaches the classmate', async () => {
    const link = await createShareLink(teacher.actor, mapId, { role: 'VIEWER', expiresInDays: 1 });
    const visitor: Actor = shareLinkActor(await resolveShareLink(link.token));
    const adaAs = await authorOf(ben, 'Ada says the claim needs a source');

    // Ben mentions Ada by the id his @mention list gives her: a per-map id.
    const bens = await getSocialView(ben.actor, mapId);
    const adaId = bens.people.find((p) => p.name === adaAs)!.id;
    expect(adaId).toMatch(/^anon_[A-Za-z0-9_-]{22}$/);
    const mention = randomUUID();
    await sendSocial(ben.actor, mapId, [
      {
        type: 'addComment',
        id: mention,
        nodeId,
        body: `@${adaAs} where is your source?`,
        mentions: [adaId],
      },
    ]);
    // It reaches Ada: stored with her user id, shown to her as a mention of her.
    const stored = await testDb().comment.findUniqueOrThrow({ where: { id: mention } });
    expect(stored.mentions).toEqual([ada.user.id]);
    const mentionAsAdaSees = (await getSocialView(ada.actor, mapId)).comments.find(
      (c) => c.id === mention,
    );
    expect(mentionAsAdaSees?.mentions).toEqual([ada.user.id]);
    // Ben edits it: the undo he gets back names Ada as he sees her.
    const edited = await sendSocial(ben.actor, mapId, [
      {
        type: 'editComment',
        id: mention,
        body: `@${adaAs} where is your source, please?`,
        mentions: [adaId],
        baseVersion: 1,
      },
    ]);
    expect(edited.inverse).toEqual([expect.objectContaining({ mentions: [adaId] })]);
    await comment(ben, 'Ben agrees with the claim');

    // Ada is on the map while Ben, the link visitor and the teacher have it
    // open (Ben's stream replays the whole log), and adds to the round's flow.
    const controller = new AbortController();
    const benStream = await openMapStream(ben.actor, mapId, 0, controller.signal);
    const visitorStream = await openMapStream(visitor, mapId, null, controller.signal);
    const teacherStream = await openMapStream(teacher.actor, mapId, null, controller.signal);
    const presence = ZPresenceInput.parse({ clientId: `ada-${randomUUID()}`.slice(0, 30) });
    const benPresence = ZPresenceInput.parse({ clientId: `ben-${randomUUID()}`.slice(0, 30) });
    const publishing = setInterval(() => {
      void publishPresence(ada.actor, mapId, presence);
      void publishPresence(ben.actor, mapId, benPresence);
    }, 300);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await applyRoundOps(
      ada.actor,
      roundId,
      ZApplyRoundOpsInput.parse({
        ops: [{ type: 'addEntry', id: randomUUID(), speech: 1, text: 'Ada flows a point' }],
        idempotencyKey: randomUUID(),
      }),
    );
    const seen = (text: string) =>
      text.includes(`"name":"${adaAs}"`) &&
      text.includes('event: round') &&
      text.includes('Ada flows a point');
    const [benLive, visitorLive, teacherLive] = await Promise.all([
      readUntil(
        benStream,
        (text) => seen(text) && text.includes(`"clientId":"${benPresence.clientId}"`),
      ),
      readUntil(
        visitorStream,
        (text) => text.includes(`"name":"${adaAs}"`) && text.includes('event: round'),
      ),
      readUntil(
        teacherStream,
        (text) => text.includes(`(${adaAs})"`) && text.includes('event: round'),
      ),
    ]);
    clearInterval(publishing);
    controller.abort();

    const asStudent = {
      page: await getMapSnapshot(ben.actor, mapId, { withHistory: true }),
      social: await getSocialView(ben.actor, mapId, { withHistory: true }),
      history: await getMapHistory(ben.actor, mapId, null),
      votes: await getVotes(ben.actor, mapId),
      tasks: await getMyTasks(ben.actor, mapId),
      moderation: await getModeration(ben.actor, mapId),
      rounds: (await readMapRoundList(ben.actor, mapId)).rounds,
      classRounds: await listClassRounds(ben.actor, classroomId),
      round: await getRoundView(ben.actor, roundId),
      roundsOfNodes: await roundsOfNodes(ben.actor, mapId),
      backup: await exportMap(ben.actor, mapId, 'backup'),
      aif: await exportMap(ben.actor, mapId, 'aif'),
      argdown: await exportMap(ben.actor, mapId, 'argdown'),
      stream: benLive,
      undo: edited,
      projector: await getMapSnapshot(visitor, mapId),
      projectorSocial: await getSocialView(visitor, mapId),
      projectorStream: visitorLive,
    };
    const everything = JSON.stringify(asStudent);
    for (const [route, body] of Object.entries(asStudent)) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      // The link visitor's reads are all about classmates, Ben included.
      const classmates = route.startsWith('projector') ? [ada, ben, cy, dee] : [ada, cy, dee];
      for (const classmate of classmates)
        for (const secret of [...secretsOf(classmate), classmate.user.id])
          expect(text.toLowerCase(), `${route} gives away ${secret}`).not.toContain(
            secret.toLowerCase(),
          );
    }
    // Ben's own id is his: his comments are his to edit, his presence his own.
    expect(asStudent.social.viewerId).toBe(ben.user.id);
    expect(
      asStudent.social.comments.find((c) => c.body === 'Ben agrees with the claim')?.authorId,
    ).toBe(ben.user.id);
    expect(benLive).toContain(`"userId":"${ben.user.id}"`);
    // Ada travels under one per-map id everywhere: comments, the mention list, mentions, presence, the log.
    expect(asStudent.social.comments.find((c) => c.body.startsWith('Ada says'))?.authorId).toBe(
      adaId,
    );
    expect(asStudent.social.comments.find((c) => c.id === mention)?.mentions).toEqual([adaId]);
    expect(asStudent.projectorSocial.comments.find((c) => c.id === mention)?.mentions).toEqual([
      adaId,
    ]);
    expect(asStudent.moderation.queue[0]?.author.id).toBe(adaId);
    expect(benLive).toContain(`"userId":"${adaId}"`);
    expect(benLive).toContain(`"actorId":"${adaId}"`);
    expect(visitorLive).toContain(`"userId":"${adaId}"`);
    // …and what it does send names them by pseudonym.
    expect(benLive).toContain(`"name":"${adaAs}"`);
    expect(visitorLive).toContain(`"name":"${adaAs}"`);
    expect(JSON.stringify(asStudent.round)).toMatch(/Student \d+/);
    expect(asStudent.moderation.queue[0]?.author.name).toBe(adaAs);
    expect(asStudent.moderation.flags[0]?.raisedBy).toMatch(/^Student \d+$/);
    expect(everything).toContain(teacher.user.name);

    // The teacher's stream and views carry the names, and the user ids.
    expect(teacherLive).toContain(`"name":"${ada.user.name} (${adaAs})"`);
    expect(teacherLive).toContain(`"userId":"${ada.user.id}"`);
    expect(teacherLive).not.toContain(adaId);
    const asTeacher = JSON.stringify([
      await getSocialView(teacher.actor, mapId),
      await getRoundView(teacher.actor, roundId),
      await getMapHistory(teacher.actor, mapId, null),
      await getModeration(teacher.actor, mapId),
    ]);
    expect(asTeacher).toContain(ada.user.name);
    expect(asTeacher).toContain(cy.user.name);
    expect(asTeacher).toContain(ada.user.id);
    expect(asTeacher).not.toContain(adaId);
  });

  it('gives a classmate another per-map id on each map, and numbers no passer-by of a public map', async () => {
    // A second anonymous map of the class, public: Ada comments on it.
    const { id: other } = await createMap({ ownerId: teacher.user.id });
    await testDb().argumentMap.update({
      where: { id: other },
      data: { classroomId, isPublic: true },
    });
    const claim = (await createNode(other, { text: 'Homework should be optional' })).id;
    await setAnonymous(teacher.actor, other, true);
    await sendSocial(ada.actor, other, [
      { type: 'addComment', id: randomUUID(), nodeId: claim, body: 'Ada on the other map' },
    ]);
    const idOn = async (map: string, body: string) =>
      (await getSocialView(ben.actor, map)).comments.find((c) => c.body.startsWith(body))?.authorId;
    const here = await idOn(mapId, 'Ada says');
    const there = await idOn(other, 'Ada on the other map');
    expect(here).toMatch(/^anon_/);
    expect(there).toMatch(/^anon_/);
    expect(there).not.toBe(here);

    // Olly, signed in with no role here, reads it and is on it: he takes no
    // number, and to a student he is a guest, with no id.
    const ollys = await getSocialView(outsider.actor, other);
    expect(ollys.anonymity).toMatchObject({ seesNames: false, youAppearAs: null });
    const controller = new AbortController();
    const benStream = await openMapStream(ben.actor, other, null, controller.signal);
    const ollyPresence = ZPresenceInput.parse({ clientId: `olly-${randomUUID()}`.slice(0, 30) });
    const publishing = setInterval(
      () => void publishPresence(outsider.actor, other, ollyPresence),
      300,
    );
    const benLive = await readUntil(benStream, (text) => text.includes(ollyPresence.clientId));
    clearInterval(publishing);
    controller.abort();
    expect(benLive).toContain(`"name":"Guest"`);
    expect(benLive).toContain('"userId":null');
    for (const secret of [...secretsOf(outsider), outsider.user.id])
      expect(benLive).not.toContain(secret);
    const numbered = await testDb().mapPseudonym.findMany({ where: { mapId: other } });
    expect(numbered.some((r) => r.userId === outsider.user.id)).toBe(false);
    // Ben was numbered when he read it (he may write on it); Olly was not.
    expect(numbered.some((r) => r.userId === ben.user.id)).toBe(true);
  });

  it('assigns a teammate a note by the per-map id the team list gives, and the assignment reaches them', async () => {
    // Cy and Ada are on Blue (Ada moved there above).
    const cys = await getSocialView(cy.actor, mapId);
    const adaAs = await authorOf(cy, 'Ada says the claim needs a source');
    const adaId = cys.myTeam?.members.find((m) => m.name === adaAs)?.id;
    expect(adaId).toMatch(/^anon_/);
    const note = randomUUID();
    await sendSocial(cy.actor, mapId, [
      {
        type: 'upsertAnnotation',
        id: note,
        teamId: blue,
        target: { kind: 'NODE', nodeId },
        kind: 'ASSIGNMENT',
        body: 'Find the study',
        assigneeId: adaId!,
      },
    ]);
    const stored = await testDb().annotation.findUniqueOrThrow({ where: { id: note } });
    expect(stored.assigneeId).toBe(ada.user.id);
    const assigned = (view: Awaited<ReturnType<typeof getSocialView>>) =>
      view.layers.flatMap((l) => l.annotations).find((a) => a.id === note)?.assigneeId;
    expect(assigned(await getSocialView(ada.actor, mapId))).toBe(ada.user.id);
    expect(assigned(await getSocialView(cy.actor, mapId))).toBe(adaId);
    // A per-map id that names nobody on the map is refused, as any stranger is.
    expect(
      await code(
        sendSocial(cy.actor, mapId, [
          {
            type: 'upsertAnnotation',
            id: randomUUID(),
            teamId: blue,
            target: { kind: 'NODE', nodeId },
            kind: 'ASSIGNMENT',
            body: 'Nobody',
            assigneeId: 'anon_AAAAAAAAAAAAAAAAAAAAAA',
          },
        ]),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('sends a comment live as classmates see it, so their pages need not refetch, and the teacher a nudge to fetch names', async () => {
    const cyAs = await authorOf(ada, 'Cy disagrees with the claim');
    const adaAs = await authorOf(ben, 'Ada says the claim needs a source');
    const adas = await getSocialView(ada.actor, mapId);
    const cyId = adas.people.find((p) => p.name === cyAs)!.id;
    const adaId = (await getSocialView(ben.actor, mapId)).people.find((p) => p.name === adaAs)!.id;
    const parentId = adas.comments.find((c) => c.body === 'Cy disagrees with the claim')!.id;

    const controller = new AbortController();
    const open = (who: Person) => openMapStream(who.actor, mapId, null, controller.signal);
    const [benStream, adaStream, teacherStream] = await Promise.all([
      open(ben),
      open(ada),
      open(teacher),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reply = randomUUID();
    await sendSocial(ada.actor, mapId, [
      {
        type: 'addComment',
        id: reply,
        parentId,
        body: `@${cyAs} which part?`,
        mentions: [cyId],
      },
    ]);
    /** The data of the social event that carries the reply (or nudges about it). */
    const socialEvent = async (stream: ReadableStream<Uint8Array>) => {
      const text = await readUntil(stream, (t) => t.includes('event: social'));
      const data = text.split('event: social\ndata: ')[1]?.split('\n')[0];
      return { text, data: data ? (JSON.parse(data) as { changes?: SocialChanges }) : null };
    };
    const [asBen, asAda, asTeacher] = await Promise.all([
      socialEvent(benStream),
      socialEvent(adaStream),
      socialEvent(teacherStream),
    ]);
    controller.abort();

    // A classmate's page gets the reply and its thread as the social view
    // gives them: pseudonyms and per-map ids, nothing to refetch.
    const benReply = asBen.data?.changes?.comments.find((c) => c.id === reply);
    expect(benReply).toMatchObject({ authorName: adaAs, authorId: adaId, mentions: [cyId] });
    expect(asBen.data?.changes?.comments.find((c) => c.id === parentId)?.authorName).toBe(cyAs);
    for (const classmate of [ada, cy])
      for (const secret of [...secretsOf(classmate), classmate.user.id])
        expect(asBen.text).not.toContain(secret);
    // The writer finds her own reply under her own id (hers to edit).
    expect(asAda.data?.changes?.comments.find((c) => c.id === reply)?.authorId).toBe(ada.user.id);
    // The teacher, who sees names, gets a nudge without pseudonymous changes…
    expect(asTeacher.data).not.toBeNull();
    expect(asTeacher.data?.changes).toBeUndefined();
    // …and the view fetched after it names Ada.
    const teachers = await getSocialView(teacher.actor, mapId);
    expect(teachers.comments.find((c) => c.id === reply)?.authorName).toBe(
      `${ada.user.name} (${adaAs})`,
    );
  });
});
