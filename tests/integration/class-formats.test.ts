import { afterAll, describe, expect, it } from 'vitest';
import { presetByKey } from '@/lib/domain/formats';
import { ZFormat } from '@/lib/domain/formats/schema';
import type { Actor } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { joinClassroom } from '@/lib/server/classrooms/join-classroom';
import { AppError } from '@/lib/server/errors';
import {
  copyFormat,
  deleteClassFormat,
  getClassFormat,
  listClassFormats,
  updateClassFormat,
} from '@/lib/server/formats/class-formats';
import { createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A class with its teacher and one student. */
async function classWithStudent() {
  const teacher = await user();
  const { id: classroomId } = await createClassroom(teacher, { name: 'Debate club' });
  const { joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id: classroomId } });
  const student = await user();
  await joinClassroom(student, { code: joinCode });
  return { teacher, student, classroomId };
}

describe('class formats', () => {
  it('a teacher copies a preset for the class under a new name and key; the class sees it', async () => {
    const { teacher, student, classroomId } = await classWithStudent();
    const copy = await copyFormat(teacher, classroomId, 'world-schools');
    const preset = presetByKey('world-schools')!;
    expect(copy.name).toBe('World Schools (our class)');
    expect(copy.format.key).not.toBe('world-schools');
    expect(() => ZFormat.parse(copy.format)).not.toThrow();
    expect(copy.format.speeches).toEqual(preset.speeches);

    // A second copy, and a copy of the copy, each get a key of their own and a plain name.
    const again = await copyFormat(teacher, classroomId, 'world-schools');
    const ofCopy = await copyFormat(teacher, classroomId, copy.id);
    const keys = [copy, again, ofCopy].map((c) => c.format.key);
    expect(new Set(keys).size).toBe(3);
    expect(ofCopy.name).toBe('World Schools (our class)');

    const listed = await listClassFormats(student, classroomId);
    expect(listed.map((f) => f.id)).toEqual([copy.id, again.id, ofCopy.id]);
    const stored = await testDb().classFormat.findUniqueOrThrow({ where: { id: copy.id } });
    expect(stored.classroomId).toBe(classroomId);
    expect(ZFormat.parse(stored.definition).name).toBe('World Schools (our class)');
  });

  it('an edited speech time is saved, and the key stays the format’s own', async () => {
    const { teacher, student, classroomId } = await classWithStudent();
    const copy = await copyFormat(teacher, classroomId, 'world-schools');
    const edited = structuredClone(copy.format);
    edited.speeches[0]!.seconds = 5 * 60;
    edited.name = 'Short World Schools';
    await updateClassFormat(teacher, copy.id, { ...edited, key: 'something-else' });

    const [seen] = await listClassFormats(student, classroomId);
    expect(seen!.name).toBe('Short World Schools');
    expect(seen!.format.speeches[0]!.seconds).toBe(300);
    expect(seen!.format.speeches[1]!.seconds).toBe(480);
    expect(seen!.format.key).toBe(copy.format.key);
    expect((await getClassFormat(teacher, copy.id)).format.speeches[0]!.seconds).toBe(300);
  });

  it('an invalid edit is refused with the field at fault, and nothing changes', async () => {
    const { teacher, classroomId } = await classWithStudent();
    const copy = await copyFormat(teacher, classroomId, 'world-schools');
    const edited = structuredClone(copy.format);
    edited.speeches[2]!.seconds = 0;
    const error = await failure(updateClassFormat(teacher, copy.id, edited));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('A speech lasts at least a second');
    expect(error.details).toMatchObject({ field: 'speeches.2.seconds' });

    const protectedTooLong = structuredClone(copy.format);
    protectedTooLong.speeches[0]!.seconds = 90;
    const tooLong = await failure(updateClassFormat(teacher, copy.id, protectedTooLong));
    expect(tooLong.details).toMatchObject({ field: 'speeches.0.pois' });

    const stored = await getClassFormat(teacher, copy.id);
    expect(stored.format.speeches.map((s) => s.seconds)).toEqual(
      copy.format.speeches.map((s) => s.seconds),
    );
  });

  it('a student can read the formats but not copy, edit or delete them', async () => {
    const { teacher, student, classroomId } = await classWithStudent();
    const copy = await copyFormat(teacher, classroomId, 'public-forum');
    expect((await failure(copyFormat(student, classroomId, 'world-schools'))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failure(updateClassFormat(student, copy.id, copy.format))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failure(deleteClassFormat(student, copy.id))).code).toBe('FORBIDDEN');
    expect((await failure(getClassFormat(student, copy.id))).code).toBe('FORBIDDEN');
    expect(await listClassFormats(student, classroomId)).toHaveLength(1);
  });

  it('someone outside the class is told neither the class nor its formats exist', async () => {
    const { teacher, classroomId } = await classWithStudent();
    const copy = await copyFormat(teacher, classroomId, 'world-schools');
    const outsider = await user();
    for (const attempt of [
      () => listClassFormats(outsider, classroomId),
      () => copyFormat(outsider, classroomId, 'world-schools'),
      () => getClassFormat(outsider, copy.id),
      () => updateClassFormat(outsider, copy.id, copy.format),
      () => deleteClassFormat(outsider, copy.id),
    ])
      expect((await failure(attempt())).code).toBe('NOT_FOUND');
    expect(await testDb().classFormat.count({ where: { id: copy.id } })).toBe(1);
    // Another class's teacher cannot copy this class's format into their own class.
    const { id: otherClass } = await createClassroom(outsider, { name: 'Other' });
    expect((await failure(copyFormat(outsider, otherClass, copy.id))).code).toBe('NOT_FOUND');
    expect(await testDb().classFormat.count({ where: { classroomId: otherClass } })).toBe(0);
  });

  it('deleting a format removes it from the class', async () => {
    const { teacher, student, classroomId } = await classWithStudent();
    const keep = await copyFormat(teacher, classroomId, 'simple');
    const drop = await copyFormat(teacher, classroomId, 'policy');
    await deleteClassFormat(teacher, drop.id);
    expect((await listClassFormats(student, classroomId)).map((f) => f.id)).toEqual([keep.id]);
    expect((await failure(getClassFormat(teacher, drop.id))).code).toBe('NOT_FOUND');
  });
});
