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
import { createRound } from '@/lib/server/rounds/create-round';
import { getRoundView } from '@/lib/server/rounds/get-round';
import { listClassRounds, listMapRounds, roundsOfNodes } from '@/lib/server/rounds/list-rounds';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { resolveShareLink, shareLinkActor } from '@/lib/server/share-links/resolve-share-link';
import { getSocialView } from '@/lib/server/social/get-social-view';
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
    const named = (view: (typeof views)[number]) =>
      ids.map((id) => view.people.find((p) => p.id === id)?.name);
    for (const view of views) expect(named(view)).toEqual(named(views[0]!));
    expect(views.map((v) => v.anonymity?.youAppearAs)).toEqual(named(views[0]!));
    const rows = await testDb().mapPseudonym.findMany({ where: { mapId } });
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(rows.length);
    expect(ids.every((id) => rows.some((r) => r.userId === id))).toBe(true);
  });

  it('sends a student no classmate’s name, email or picture from any route of the map', async () => {
    const link = await createShareLink(teacher.actor, mapId, { role: 'VIEWER', expiresInDays: 1 });
    const visitor: Actor = shareLinkActor(await resolveShareLink(link.token));

    // Ada is on the map while Ben and the link visitor have it open.
    const controller = new AbortController();
    const benStream = await openMapStream(ben.actor, mapId, null, controller.signal);
    const visitorStream = await openMapStream(visitor, mapId, null, controller.signal);
    const teacherStream = await openMapStream(teacher.actor, mapId, null, controller.signal);
    const presence = ZPresenceInput.parse({ clientId: `ada-${randomUUID()}`.slice(0, 30) });
    const publishing = setInterval(() => void publishPresence(ada.actor, mapId, presence), 300);
    const seen = (text: string) => text.includes('event: presence');
    const [benLive, visitorLive, teacherLive] = await Promise.all([
      readUntil(benStream, seen),
      readUntil(visitorStream, seen),
      readUntil(teacherStream, seen),
    ]);
    clearInterval(publishing);
    controller.abort();

    const adaAs = await authorOf(ben, 'Ada says the claim needs a source');
    const asStudent = {
      page: await getMapSnapshot(ben.actor, mapId, { withHistory: true }),
      social: await getSocialView(ben.actor, mapId, { withHistory: true }),
      history: await getMapHistory(ben.actor, mapId, null),
      votes: await getVotes(ben.actor, mapId),
      tasks: await getMyTasks(ben.actor, mapId),
      moderation: await getModeration(ben.actor, mapId),
      rounds: await listMapRounds(ben.actor, mapId),
      classRounds: await listClassRounds(ben.actor, classroomId),
      round: await getRoundView(ben.actor, roundId),
      roundsOfNodes: await roundsOfNodes(ben.actor, mapId),
      backup: await exportMap(ben.actor, mapId, 'backup'),
      aif: await exportMap(ben.actor, mapId, 'aif'),
      argdown: await exportMap(ben.actor, mapId, 'argdown'),
      stream: benLive,
      projector: await getMapSnapshot(visitor, mapId),
      projectorSocial: await getSocialView(visitor, mapId),
      projectorStream: visitorLive,
    };
    const everything = JSON.stringify(asStudent);
    for (const [route, body] of Object.entries(asStudent)) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      for (const classmate of [ada, cy, dee])
        for (const secret of secretsOf(classmate))
          expect(text.toLowerCase(), `${route} gives away ${secret}`).not.toContain(
            secret.toLowerCase(),
          );
    }
    // …and what it does send names them by pseudonym.
    expect(benLive).toContain(`"name":"${adaAs}"`);
    expect(visitorLive).toContain(`"name":"${adaAs}"`);
    expect(JSON.stringify(asStudent.round)).toMatch(/Student \d+/);
    expect(asStudent.moderation.queue[0]?.author.name).toBe(adaAs);
    expect(asStudent.moderation.flags[0]?.raisedBy).toMatch(/^Student \d+$/);
    expect(everything).toContain(teacher.user.name);

    // The teacher's stream and views carry the names.
    expect(teacherLive).toContain(`"name":"${ada.user.name} (${adaAs})"`);
    const asTeacher = JSON.stringify([
      await getSocialView(teacher.actor, mapId),
      await getRoundView(teacher.actor, roundId),
      await getMapHistory(teacher.actor, mapId, null),
      await getModeration(teacher.actor, mapId),
    ]);
    expect(asTeacher).toContain(ada.user.name);
    expect(asTeacher).toContain(cy.user.name);
  });
});
