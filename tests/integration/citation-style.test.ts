import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { getClassroom } from '@/lib/server/classrooms/get-classroom';
import { joinClassroom } from '@/lib/server/classrooms/join-classroom';
import { setCitationStyle, ZCitationStyle } from '@/lib/server/classrooms/set-citation-style';
import { AppError } from '@/lib/server/errors';
import { createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});

async function errorCode(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'ok';
}

describe("a class's citation style", () => {
  it('starts as the debate cite; the teacher changes it and the class sees the change', async () => {
    const teacher = await user();
    const { id } = await createClassroom(teacher, { name: 'Period 5' });
    const student = await user();
    const { joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id } });
    await joinClassroom(student, { code: joinCode });
    expect((await getClassroom(teacher, id)).citationStyle).toBe('DEBATE');

    await setCitationStyle(teacher, id, 'MLA');
    expect((await getClassroom(student, id)).citationStyle).toBe('MLA');
  });

  it('cannot be changed by a student, nor by someone outside the class', async () => {
    const teacher = await user();
    const { id } = await createClassroom(teacher, { name: 'Period 6' });
    const student = await user();
    const { joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id } });
    await joinClassroom(student, { code: joinCode });

    expect(await errorCode(setCitationStyle(student, id, 'APA'))).toBe('FORBIDDEN');
    expect(await errorCode(setCitationStyle(await user(), id, 'APA'))).toBe('NOT_FOUND');
    expect((await getClassroom(teacher, id)).citationStyle).toBe('DEBATE');
  });

  it('is one of the four styles the form offers', () => {
    expect(ZCitationStyle.safeParse('CHICAGO').success).toBe(true);
    expect(ZCitationStyle.safeParse('HARVARD').error?.issues[0]?.message).toBe(
      'Choose one of the citation styles.',
    );
  });
});
