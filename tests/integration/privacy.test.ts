import { afterAll, describe, expect, it } from 'vitest';
import { ERASED_TEXT } from '@/lib/domain/privacy/scrub-batch';
import { authorizeMap } from '@/lib/server/authz';
import { getMapAt, getMapHistory } from '@/lib/server/maps/get-map-history';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { deleteAccount } from '@/lib/server/privacy/delete-account';
import { deleteStudentData } from '@/lib/server/privacy/delete-student-data';
import { exportMyData, exportStudentData } from '@/lib/server/privacy/export-data';
import { listFormerStudents } from '@/lib/server/privacy/former-students';
import { removeStudent } from '@/lib/server/classrooms/remove-student';
import { getSocialView } from '@/lib/server/social/get-social-view';
import { testDb } from '../factories';
import { buildPrivacyWorld } from '../support/privacy-world';
import { code } from '../support/team-map';
import { addManagedStudents } from '@/lib/server/accounts/managed-students';
import { deleteClassroom } from '@/lib/server/classrooms/delete-classroom';
import { apply, claim, id } from '../support/apply-ops';
import { tracesOf } from '../support/traces';
import { joinClassroom } from '@/lib/server/classrooms/join-classroom';
import { removeMapMember } from '@/lib/server/maps/map-members';
import { acceptShareLink } from '@/lib/server/share-links/accept-share-link';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { setAnonymous } from '@/lib/server/maps/anonymous-mode';

afterAll(async () => {
  await testDb().$disconnect();
});

type World = Awaited<ReturnType<typeof buildPrivacyWorld>>;

/** What the class's map still shows its people: the graph, its past, the discussion and their own undo. */
async function classMapStillWorks({ map, tess, ben }: World) {
  const snapshot = await getMapSnapshot(ben.actor, map.id);
  const history = await getMapHistory(tess.actor, map.id, null);
  expect(history.items.length).toBeGreaterThan(3);
  const past = await getMapAt(tess.actor, map.id, 2);
  expect(past.nodes.map((n) => n.text)).toContain('ADA-SAYS schools must delete on request');
  const social = await getSocialView(ben.actor, map.id);
  const benUndo = (await getSocialView(ben.actor, map.id, { withHistory: true })).history!;
  expect(benUndo.comments.undo.length).toBeGreaterThan(0);
  return { snapshot, social };
}

/** The class's rows as Ben left them: none of his may change when Ada's data goes. */
const bensRows = ({ ben, map }: World) =>
  Promise.all([
    testDb().node.findMany({ where: { createdById: ben.id }, orderBy: { id: 'asc' } }),
    testDb().comment.findMany({
      where: { authorId: ben.id },
      orderBy: { id: 'asc' },
      select: { id: true, body: true },
    }),
    testDb().annotation.findMany({
      where: { authorId: ben.id, mapId: map.id, kind: 'NOTE' },
      select: { body: true },
    }),
    testDb().mapMember.count({ where: { userId: ben.id } }),
  ]);

describe('deleting one’s own account', () => {
  it('leaves nothing of them in any table, and the class map, its history and the discussion still work', async () => {
    const world = await buildPrivacyWorld();
    const { ada, ben, tess, classroom, map, own, claims, comments } = world;
    const before = await bensRows(world);
    // A former student of the class by now (her departure is recorded), she deletes her account.
    await removeStudent(tess.actor, classroom.id, ada.id);
    await deleteAccount(ada.actor, { confirmation: ada.email!.toUpperCase() });

    expect(await tracesOf(testDb(), [ada.id, ada.email!])).toEqual([]);
    const text = JSON.stringify(
      await testDb().mapOp.findMany({ where: { mapId: map.id }, select: { op: true } }),
    );
    expect(text).not.toContain('ADA-SAYS my own note');
    expect(text).not.toContain('ADA-SAYS edited');
    expect(text).not.toContain('ADA-SAYS where is the source');
    expect(text).not.toContain('ADA-SAYS our best line');
    expect(text).toContain(ERASED_TEXT);

    // Her claim stays for the class, unattributed; her own map went with her.
    const claim = await testDb().node.findUniqueOrThrow({ where: { id: claims.adaClaim } });
    expect(claim.createdById).toBeNull();
    expect(await testDb().argumentMap.count({ where: { id: own.id } })).toBe(0);

    // The thread Ben answered keeps his reply under a deleted comment; her lone comment is gone.
    const { social } = await classMapStillWorks(world);
    const thread = social.comments.find((c) => c.id === comments.adaThread);
    expect(thread).toMatchObject({ deleted: true, body: '' });
    expect(social.comments.some((c) => c.id === comments.benReply)).toBe(true);
    expect(social.comments.some((c) => c.id === comments.adaLone)).toBe(false);
    const after = await bensRows(world);
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    expect(after[3]).toBe(before[3]! - 1); // her own map, which he had joined
    expect(await testDb().user.count({ where: { id: ben.id } })).toBe(1);
  }, 120_000);

  it('lets a teacher go once their classes are deleted, which takes the class’s maps and the sign-ins made for it', async () => {
    const { ada, tess, classroom, map, own } = await buildPrivacyWorld();
    const [card] = await addManagedStudents(tess.actor, classroom.id, { roster: 'Maya Kovač' });
    expect(await code(deleteClassroom(ada.actor, classroom.id))).toBe('FORBIDDEN');
    await deleteClassroom(tess.actor, classroom.id);
    expect(await testDb().classroom.count({ where: { id: classroom.id } })).toBe(0);
    expect(await testDb().argumentMap.count({ where: { id: map.id } })).toBe(0);
    expect(await tracesOf(testDb(), [card!.userId, card!.username])).toEqual([]);
    // A student with an account of their own keeps it, and their own map.
    expect(await testDb().argumentMap.count({ where: { id: own.id } })).toBe(1);
    expect(await testDb().user.count({ where: { id: ada.id } })).toBe(1);

    await deleteAccount(tess.actor, { confirmation: tess.email! });
    expect(await tracesOf(testDb(), [tess.id, tess.email!])).toEqual([]);
  }, 120_000);

  it('clears their own sign-in counters, and nobody else’s whose email merely contains theirs', async () => {
    const { ada } = await buildPrivacyWorld();
    const theirs = `signInsPerAccount:${ada.email!.toLowerCase()}`;
    const pair = `signInsPerAccountAndAddress:${ada.email!.toLowerCase()}|10.0.0.1`;
    const someoneElse = `signInsPerAccount:jo${ada.email!.toLowerCase()}`;
    await testDb().rateLimit.createMany({
      data: [theirs, pair, someoneElse].map((key) => ({ key, points: 3 })),
      skipDuplicates: true,
    });
    await deleteAccount(ada.actor, { confirmation: ada.email! });
    const left = await testDb().rateLimit.findMany({
      where: { key: { in: [theirs, pair, someoneElse] } },
    });
    expect(left.map((r) => r.key)).toEqual([someoneElse]);
    await testDb().rateLimit.delete({ where: { key: someoneElse } });
  }, 120_000);

  it('needs the email typed, and refuses while the person teaches a class', async () => {
    const { ada, tess, classroom } = await buildPrivacyWorld();
    expect(await code(deleteAccount(ada.actor, { confirmation: 'someone@else.test' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await testDb().user.count({ where: { id: ada.id } })).toBe(1);
    const refusal = await deleteAccount(tess.actor, { confirmation: tess.email! }).catch(
      (e: Error) => e.message,
    );
    expect(refusal).toContain(classroom.name);
    expect(await testDb().user.count({ where: { id: tess.id } })).toBe(1);
    expect(await code(deleteAccount({ kind: 'anonymous' }, { confirmation: 'x' }))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('a teacher erasing one student’s data in their class', () => {
  it('erases it from every row of the class, leaves the rest of their account and everyone else’s work', async () => {
    const world = await buildPrivacyWorld();
    const { tess, ada, classroom, map, own } = world;
    const before = await bensRows(world);

    await deleteStudentData(tess.actor, classroom.id, ada.id);

    // Only what lies outside the class still names her: her account and her own map.
    const left = await tracesOf(testDb(), [ada.id], { except: ['User', 'Session', 'Account'] });
    const outside = await testDb().mapOp.findMany({ where: { actorId: ada.id } });
    expect(outside.every((op) => op.mapId === own.id)).toBe(true);
    expect(left).toEqual(
      expect.arrayContaining([
        { table: 'ArgumentMap', where: 'ownerId', count: 1 },
        { table: 'MapMember', where: 'userId', count: 1 },
        { table: 'Node', where: 'createdById', count: 1 },
        { table: 'MapOp', where: 'actorId', count: 1 },
      ]),
    );
    expect(left.filter((t) => t.where !== 'row')).toHaveLength(4);
    const rows = left.filter((t) => t.where === 'row');
    expect(rows.map((t) => [t.table, t.count]).sort()).toEqual(
      [
        ['ArgumentMap', 1],
        ['MapMember', 1],
        ['MapOp', 1],
        ['Node', 1],
      ].sort(),
    );

    expect(await code(authorizeMap(ada.actor, 'map:read', map.id))).toBe('NOT_FOUND');
    expect(await testDb().user.count({ where: { id: ada.id } })).toBe(1);
    await classMapStillWorks(world);
    expect(await bensRows(world)).toEqual(before);
  }, 120_000);

  it('deletes the whole account when it is one the teacher made for the class', async () => {
    const world = await buildPrivacyWorld();
    const { tess, classroom, map } = world;
    const [card] = await addManagedStudents(tess.actor, classroom.id, { roster: 'Maya Kovač' });
    const maya = await testDb().user.findUniqueOrThrow({ where: { username: card!.username } });
    const mayaActor = { kind: 'user' as const, userId: maya.id };
    await apply(mayaActor, map.id, [claim(id(), 'MAYA-SAYS the CSTO is a paper tiger')]);

    await deleteStudentData(tess.actor, classroom.id, maya.id);

    expect(await tracesOf(testDb(), [maya.id, card!.username])).toEqual([]);
    expect(await testDb().user.count({ where: { id: maya.id } })).toBe(0);
    // Her claim stays on the class's map, no longer hers.
    const snapshot = await getMapSnapshot(tess.actor, map.id);
    expect(snapshot.nodes.map((n) => n.text)).toContain('MAYA-SAYS the CSTO is a paper tiger');
    await classMapStillWorks(world);
  }, 120_000);

  it('still reaches a student removed from the class whose work is on its maps: listed as a former student, exported, then erased', async () => {
    const world = await buildPrivacyWorld();
    const { tess, ada, ben, classroom, map } = world;
    expect(await listFormerStudents(tess.actor, classroom.id)).toEqual([]);
    await removeStudent(tess.actor, classroom.id, ada.id);

    // Only Ada: Ben and Cy are still in the class, Tess teaches it.
    const former = await listFormerStudents(tess.actor, classroom.id);
    expect(former.map((f) => [f.id, f.managed])).toEqual([[ada.id, false]]);
    expect(await code(listFormerStudents(ben.actor, classroom.id))).toBe('FORBIDDEN');

    const text = (await exportStudentData(tess.actor, classroom.id, ada.id)).body as string;
    expect(text).toContain('ADA-SAYS schools must delete');
    expect(JSON.parse(text).student.joinedAt).toBeNull();

    await deleteStudentData(tess.actor, classroom.id, ada.id);
    const inClass = await tracesOf(testDb(), [ada.id], { except: ['User', 'Session', 'Account'] });
    expect(await testDb().mapOp.count({ where: { actorId: ada.id, mapId: map.id } })).toBe(0);
    expect(inClass.find((t) => t.table === 'Comment')).toBeUndefined();
    // Nothing of hers is left on the class's maps: she is no longer listed.
    expect(await listFormerStudents(tess.actor, classroom.id)).toEqual([]);
    expect(await code(exportStudentData(tess.actor, classroom.id, ada.id))).toBe('NOT_FOUND');
    await classMapStillWorks(world);
  }, 120_000);

  it('counts as former students only the students removed from the class, until they rejoin', async () => {
    const world = await buildPrivacyWorld();
    const { tess, ada, classroom, map } = world;
    // A link guest and a member the owner added, never in the class, work on its map and are removed from it.
    const [guest, member] = await Promise.all(
      ['Gus', 'Mel'].map((name) =>
        testDb().user.create({ data: { name, email: `${name}-${id()}@example.test` } }),
      ),
    );
    const guestActor = { kind: 'user' as const, userId: guest!.id };
    const memberActor = { kind: 'user' as const, userId: member!.id };
    const link = await createShareLink(tess.actor, map.id, { role: 'EDITOR', expiresInDays: 7 });
    await acceptShareLink(guestActor, link.token);
    await testDb().mapMember.create({
      data: { mapId: map.id, userId: member!.id, role: 'EDITOR' },
    });
    await apply(guestActor, map.id, [claim(id(), 'GUS-SAYS a guest’s view')]);
    await apply(memberActor, map.id, [claim(id(), 'MEL-SAYS a member’s view')]);
    await removeMapMember(tess.actor, map.id, guest!.id);
    await removeMapMember(tess.actor, map.id, member!.id);

    expect(await listFormerStudents(tess.actor, classroom.id)).toEqual([]);
    for (const outsider of [guest!.id, member!.id]) {
      expect(await code(exportStudentData(tess.actor, classroom.id, outsider))).toBe('NOT_FOUND');
      expect(await code(deleteStudentData(tess.actor, classroom.id, outsider))).toBe('NOT_FOUND');
    }
    expect(await testDb().node.count({ where: { createdById: guest!.id } })).toBe(1);

    // A removed student is one, with when they left and when they last worked on the class's maps.
    const before = new Date();
    await removeStudent(tess.actor, classroom.id, ada.id);
    const [former] = await listFormerStudents(tess.actor, classroom.id);
    expect(await listFormerStudents(tess.actor, classroom.id)).toHaveLength(1);
    expect(former).toMatchObject({ id: ada.id, name: 'Ada', managed: false });
    expect(new Date(former!.leftAt).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(new Date(former!.lastActiveAt!).getTime()).toBeLessThanOrEqual(
      new Date(former!.leftAt).getTime(),
    );
    expect((await exportStudentData(tess.actor, classroom.id, ada.id)).body).toContain(
      'ADA-SAYS schools must delete',
    );

    // Back in the class, she is a student again, not a former one.
    await joinClassroom(ada.actor, { code: classroom.joinCode });
    expect(await listFormerStudents(tess.actor, classroom.id)).toEqual([]);
    const again = JSON.parse(
      (await exportStudentData(tess.actor, classroom.id, ada.id)).body as string,
    );
    expect(again.student.joinedAt).not.toBeNull();
    expect(await testDb().classroomDeparture.count({ where: { userId: ada.id } })).toBe(0);
  }, 120_000);

  it('is the class teacher’s alone', async () => {
    const { tess, ada, ben, classroom } = await buildPrivacyWorld();
    const other = await buildPrivacyWorld();
    expect(await code(deleteStudentData(ben.actor, classroom.id, ada.id))).toBe('FORBIDDEN');
    expect(await code(exportStudentData(ben.actor, classroom.id, ada.id))).toBe('FORBIDDEN');
    expect(await code(deleteStudentData(other.tess.actor, classroom.id, ada.id))).toBe('NOT_FOUND');
    expect(await code(exportStudentData(tess.actor, classroom.id, other.ada.id))).toBe('NOT_FOUND');
    expect(await code(deleteStudentData(tess.actor, classroom.id, tess.id))).toBe('NOT_FOUND');
    expect(await testDb().classroomMember.count({ where: { userId: ada.id } })).toBe(1);
  });
});

/** Makes the map anonymous (by `teacher`) and returns the number `student` is given on it. */
async function pseudonymOf(student: World['ada']['actor'], teacher: typeof student, mapId: string) {
  await setAnonymous(teacher, mapId, true);
  const view = await getSocialView(student, mapId);
  const number = Number(/^Student (\d+)$/.exec(view.anonymity?.youAppearAs ?? '')?.[1]);
  expect(number).toBeGreaterThan(0);
  return number;
}

describe('exports', () => {
  it('“Download my data” holds what they wrote, never secrets or another team’s notes', async () => {
    const { ada, tess, map } = await buildPrivacyWorld();
    const pseudonym = await pseudonymOf(ada.actor, tess.actor, map.id);
    await testDb().studentFeedback.create({
      data: { mapId: map.id, studentId: ada.id, authorId: tess.id, body: 'TESS-DRAFT not yet' },
    });
    const file = await exportMyData(ada.actor);
    expect(file.fileName).toMatch(/^counterpoint-my-data-.*\.json$/);
    const text = file.body as string;
    const data = JSON.parse(text);
    expect(data.profile).toMatchObject({ id: ada.id, email: ada.email });
    for (const said of [
      'schools must delete',
      'edited',
      'our best line',
      'flowed',
      'gov won',
      'outside the class',
    ])
      expect(text).toContain(`ADA-SAYS ${said}`);
    expect(data.mapsOwned).toHaveLength(1);
    expect(data.opBatches.length).toBeGreaterThan(4);
    // Her pseudonym on the anonymous class map, once: named, not again among the other records.
    expect(data.pseudonymsOnAnonymousMaps).toEqual([
      { mapId: map.id, number: pseudonym, createdAt: expect.any(String) },
    ]);
    expect(Object.keys(data.otherRecords).filter((k) => k.startsWith('MapPseudonym'))).toEqual([]);
    expect(text).not.toContain('BLUE-SECRET');
    expect(text).not.toContain('Ben: rebut backups');
    expect(text).not.toMatch(/passwordHash|sessionToken|secrethash/);
    // A teacher's feedback is theirs once released, not as a draft.
    expect(text).not.toContain('TESS-DRAFT');
    await testDb().studentFeedback.updateMany({
      where: { studentId: ada.id },
      data: { releasedAt: new Date() },
    });
    expect((await exportMyData(ada.actor)).body).toContain('TESS-DRAFT');
  });

  it('a teacher’s export of a student holds only that class’s work', async () => {
    const { tess, ada, classroom, map } = await buildPrivacyWorld();
    const pseudonym = await pseudonymOf(ada.actor, tess.actor, map.id);
    const text = (await exportStudentData(tess.actor, classroom.id, ada.id)).body as string;
    const data = JSON.parse(text);
    expect(data.pseudonymsOnAnonymousMaps).toEqual([
      { mapId: map.id, number: pseudonym, createdAt: expect.any(String) },
    ]);
    expect(Object.keys(data.otherRecords).filter((k) => k.startsWith('MapPseudonym'))).toEqual([]);
    expect(text).toContain('ADA-SAYS schools must delete');
    expect(text).toContain('ADA-SAYS our best line');
    expect(text).not.toContain('ADA-SAYS outside the class');
    expect(text).not.toContain('BLUE-SECRET');
    expect(text).not.toMatch(/passwordHash|secrethash/);
  });
});
