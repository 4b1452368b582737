import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { getClassroom } from '@/lib/server/classrooms/get-classroom';
import { joinClassroom, ZJoinClassroomInput } from '@/lib/server/classrooms/join-classroom';
import { removeStudent } from '@/lib/server/classrooms/remove-student';
import { AppError } from '@/lib/server/errors';
import { createMap } from '@/lib/server/maps/create-map';
import { listMyMaps } from '@/lib/server/maps/list-my-maps';
import { acceptShareLink } from '@/lib/server/share-links/accept-share-link';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import {
  assignTeams,
  placeOnSmallestTeams,
  splitTeamsAtRandom,
} from '@/lib/server/teams/assign-teams';
import { createTeam } from '@/lib/server/teams/create-team';
import { getTeamSetup } from '@/lib/server/teams/get-team-setup';
import { createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});

async function codeOf(classroomId: string) {
  return (await testDb().classroom.findUniqueOrThrow({ where: { id: classroomId } })).joinCode;
}

async function errorCode(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'ok';
}

describe('classrooms', () => {
  it('students join with the code however they type it, once, and the teacher sees them on the roster', async () => {
    const teacher = await user();
    const { id } = await createClassroom(teacher, { name: 'Period 3' });
    const code = await codeOf(id);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const student = await user();
    const typed = ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `;
    await joinClassroom(student, ZJoinClassroomInput.parse({ code: typed }));
    await joinClassroom(student, ZJoinClassroomInput.parse({ code }));
    const view = await getClassroom(teacher, id);
    expect(view.students.map((s) => s.id)).toEqual([student.userId]);
    expect(view.joinCode).toBe(`${code.slice(0, 4)}-${code.slice(4)}`);
    // Students see the class but not its code or their classmates' emails.
    const asStudent = await getClassroom(student, id);
    expect(asStudent).toMatchObject({ role: 'STUDENT', joinCode: null });
    expect(asStudent.students.every((s) => s.email === null)).toBe(true);
  });

  it('a mistyped code gets a clear NOT_FOUND and joins nothing', async () => {
    const student = await user();
    const error = await joinClassroom(
      student,
      ZJoinClassroomInput.parse({ code: 'ZZZZ-ZZZ9' }),
    ).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/No classroom has that code/);
    expect(await testDb().classroomMember.count({ where: { userId: student.userId } })).toBe(0);
  });

  it('removing a student takes away the class maps and their team places at once', async () => {
    const teacher = await user();
    const { id: classroomId } = await createClassroom(teacher, { name: 'Period 4' });
    const student = await user();
    await joinClassroom(student, { code: await codeOf(classroomId) });
    const { id: mapId } = await createMap(teacher, {
      title: 'Class map',
      motion: 'Motion',
      template: 'blank',
      classroomId,
    });
    const { id: teamId } = await createTeam(teacher, mapId, { name: 'Team A', side: 'FOR' });
    await assignTeams(teacher, mapId, { assignments: { [student.userId]: teamId }, sides: {} });
    expect((await listMyMaps(student)).shared.map((m) => m.id)).toContain(mapId);

    await removeStudent(teacher, classroomId, student.userId);
    expect((await listMyMaps(student)).shared.map((m) => m.id)).not.toContain(mapId);
    expect(await testDb().teamMember.count({ where: { userId: student.userId } })).toBe(0);
    expect(await errorCode(removeStudent(teacher, classroomId, student.userId))).toBe('NOT_FOUND');
    expect(await errorCode(removeStudent(teacher, classroomId, teacher.userId))).toBe(
      'BAD_REQUEST',
    );
  });

  it('only the teacher can make a map for the class', async () => {
    const teacher = await user();
    const { id: classroomId } = await createClassroom(teacher, { name: 'Period 6' });
    const student = await user();
    await joinClassroom(student, { code: await codeOf(classroomId) });
    expect(
      await errorCode(
        createMap(student, { title: 'Mine', motion: 'M', template: 'blank', classroomId }),
      ),
    ).toBe('FORBIDDEN');
    expect(await testDb().argumentMap.count({ where: { classroomId } })).toBe(0);
  });
});

describe('teams', () => {
  it('splits a class at random into teams whose sizes differ by at most one, one team per student', async () => {
    const teacher = await user();
    const { id: classroomId } = await createClassroom(teacher, { name: 'Period 7' });
    const code = await codeOf(classroomId);
    const students = await Promise.all(Array.from({ length: 7 }, () => user()));
    for (const s of students) await joinClassroom(s, { code });
    const { id: mapId } = await createMap(teacher, {
      title: 'Split',
      motion: 'M',
      template: 'blank',
      classroomId,
    });
    expect(await errorCode(splitTeamsAtRandom(teacher, mapId))).toBe('BAD_REQUEST');
    await createTeam(teacher, mapId, { name: 'For', side: 'FOR' });
    await createTeam(teacher, mapId, { name: 'Against', side: 'AGAINST' });
    await splitTeamsAtRandom(teacher, mapId);
    const setup = await getTeamSetup(teacher, mapId);
    expect(setup.people.every((p) => p.teamId !== null)).toBe(true);
    expect(setup.teams.map((t) => t.memberIds.length).sort()).toEqual([3, 4]);
    // Splitting again moves people; it never puts anyone on two teams.
    await splitTeamsAtRandom(teacher, mapId);
    const rows = await testDb().teamMember.findMany({ where: { team: { mapId } } });
    expect(new Set(rows.map((r) => r.userId)).size).toBe(rows.length);
  });

  it('puts students who joined late on the smallest teams, leaves placed ones where they are, and only for the owner', async () => {
    const teacher = await user();
    const { id: classroomId } = await createClassroom(teacher, { name: 'Period 8' });
    const code = await codeOf(classroomId);
    const [early, late1, late2] = await Promise.all([user(), user(), user()]);
    await joinClassroom(early!, { code });
    const { id: mapId } = await createMap(teacher, {
      title: 'Late',
      motion: 'M',
      template: 'blank',
      classroomId,
    });
    const { id: a } = await createTeam(teacher, mapId, { name: 'A', side: 'FOR' });
    const { id: b } = await createTeam(teacher, mapId, { name: 'B', side: 'AGAINST' });
    await assignTeams(teacher, mapId, { assignments: { [early!.userId]: a }, sides: {} });
    await joinClassroom(late1!, { code });
    await joinClassroom(late2!, { code });

    expect(await errorCode(placeOnSmallestTeams(late1!, mapId, [late1!.userId]))).not.toBe('ok');
    const placed = await placeOnSmallestTeams(teacher, mapId, [late1!.userId]);
    expect(placed).toEqual([{ name: expect.any(String), team: 'B' }]);
    // B has one now, as A does: the tie goes to the older team; the one placed stays.
    await placeOnSmallestTeams(teacher, mapId, [late2!.userId, late1!.userId, early!.userId]);
    const setup = await getTeamSetup(teacher, mapId);
    const teamOf = Object.fromEntries(setup.people.map((p) => [p.id, p.teamId]));
    expect(teamOf).toEqual({ [early!.userId]: a, [late1!.userId]: b, [late2!.userId]: a });
    expect(await placeOnSmallestTeams(teacher, mapId, [late2!.userId])).toEqual([]);
  });

  it('refuses a duplicate team name and people who are not on the map', async () => {
    const teacher = await user();
    const { id: mapId } = await createMap(teacher, {
      title: 'Teams',
      motion: 'M',
      template: 'blank',
    });
    const { id: teamId } = await createTeam(teacher, mapId, { name: 'Red', side: 'FOR' });
    expect(await errorCode(createTeam(teacher, mapId, { name: 'Red', side: 'AGAINST' }))).toBe(
      'CONFLICT',
    );
    const outsider = await user();
    expect(
      await errorCode(
        assignTeams(teacher, mapId, { assignments: { [outsider.userId]: teamId }, sides: {} }),
      ),
    ).toBe('VALIDATION_FAILED');
  });
});

describe('share links and new maps', () => {
  it('a signed-in visitor following a link joins the map with its role, and never loses a higher one', async () => {
    const owner = await user();
    const { id: mapId } = await createMap(owner, {
      title: 'Shared',
      motion: 'M',
      template: 'blank',
    });
    const edit = await createShareLink(owner, mapId, { role: 'EDITOR', expiresInDays: 7 });
    const view = await createShareLink(owner, mapId, { role: 'VIEWER', expiresInDays: 0 });
    const visitor = await user();
    await acceptShareLink(visitor, edit.token);
    await acceptShareLink(visitor, view.token);
    expect(
      (await testDb().mapMember.findFirstOrThrow({ where: { mapId, userId: visitor.userId } }))
        .role,
    ).toBe('EDITOR');
    expect((await listMyMaps(visitor)).shared.map((m) => m.id)).toEqual([mapId]);
    expect(await errorCode(acceptShareLink({ kind: 'anonymous' }, view.token))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('creates a blank map with pasted sources, whole or not at all', async () => {
    const owner = await user();
    const { id } = await createMap(owner, {
      title: 'With sources',
      motion: 'M',
      template: 'blank',
      sources: [
        { title: 'Op-ed', author: 'A. Writer', side: 'FOR', text: 'Line one.\r\nLine two.' },
      ],
    });
    const sources = await testDb().source.findMany({ where: { mapId: id } });
    expect(sources).toEqual([
      expect.objectContaining({ title: 'Op-ed', side: 'FOR', text: 'Line one.\nLine two.' }),
    ]);
    const before = await testDb().argumentMap.count({ where: { ownerId: owner.userId } });
    const bad = createMap(owner, {
      title: 'Broken',
      motion: 'M',
      template: 'blank',
      sources: [{ title: 'Empty', side: 'AGAINST', text: '   ' }],
    });
    expect(await errorCode(bad)).toBe('VALIDATION_FAILED');
    expect(await testDb().argumentMap.count({ where: { ownerId: owner.userId } })).toBe(before);
  });
});
