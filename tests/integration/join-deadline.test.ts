import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { getClassroom } from '@/lib/server/classrooms/get-classroom';
import { joinClassroom, ZJoinClassroomInput } from '@/lib/server/classrooms/join-classroom';
import { setJoinDeadline, ZJoinDeadlineInput } from '@/lib/server/classrooms/join-deadline';
import { AppError } from '@/lib/server/errors';
import { createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  return { code: 'ok', message: '' };
}

async function classWithCode() {
  const teacher = await user();
  const { id } = await createClassroom(teacher, { name: 'Period 6' });
  const { joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id } });
  const join = (actor: Actor) =>
    joinClassroom(actor, ZJoinClassroomInput.parse({ code: joinCode }));
  return { teacher, id, join };
}

const studentsOf = async (classroomId: string) =>
  testDb().classroomMember.count({ where: { classroomId, role: 'STUDENT' } });

describe('join deadline', () => {
  it('after the deadline nobody new joins, with words to act on; those already in still get in; reopening lets them join', async () => {
    const { teacher, id, join } = await classWithCode();
    const early = await user();
    await join(early);

    await setJoinDeadline(teacher, id, new Date(Date.now() - 1_000));
    const view = await getClassroom(teacher, id);
    expect(view.joinClosed).toBe(true);
    expect(view.joinClosesAt).not.toBeNull();

    const late = await user();
    const refused = await refusal(join(late));
    expect(refused.code).toBe('GONE');
    expect(refused.message).toMatch(/no longer taking new students.*reopen/i);
    expect(await studentsOf(id)).toBe(1);
    // Someone already in the class following the link again just goes there.
    expect((await refusal(join(early))).code).toBe('ok');

    await setJoinDeadline(teacher, id, null);
    expect((await getClassroom(teacher, id)).joinClosed).toBe(false);
    expect((await refusal(join(late))).code).toBe('ok');
    expect(await studentsOf(id)).toBe(2);
  });

  it('a deadline still ahead lets students join, and students never see it', async () => {
    const { teacher, id, join } = await classWithCode();
    await setJoinDeadline(teacher, id, new Date(Date.now() + 3_600_000));
    const student = await user();
    expect((await refusal(join(student))).code).toBe('ok');
    const asStudent = await getClassroom(student, id);
    expect(asStudent.joinClosesAt).toBeNull();
    expect(asStudent.joinClosed).toBe(false);
  });

  it('only the teacher sets it, and a garbled date is refused', async () => {
    const { id, join } = await classWithCode();
    const student = await user();
    await join(student);
    expect((await refusal(setJoinDeadline(student, id, new Date()))).code).toBe('FORBIDDEN');
    expect((await refusal(setJoinDeadline(await user(), id, new Date()))).code).toBe('NOT_FOUND');
    expect(ZJoinDeadlineInput.safeParse({ joinClosesAt: 'next tuesday' }).success).toBe(false);
    expect(ZJoinDeadlineInput.parse({ joinClosesAt: '' }).joinClosesAt).toBeNull();
    expect(
      ZJoinDeadlineInput.parse({ joinClosesAt: '2026-12-24T17:00:00.000Z' }).joinClosesAt,
    ).toEqual(new Date('2026-12-24T17:00:00.000Z'));
    const { joinClosesAt } = await testDb().classroom.findUniqueOrThrow({ where: { id } });
    expect(joinClosesAt).toBeNull();
  });
});
