import bcrypt from 'bcryptjs';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceOneTimePassword } from '@/lib/server/accounts/change-password';
import { addManagedStudents, resetManagedPassword } from '@/lib/server/accounts/managed-students';
import { signedInUser, startSession } from '@/lib/server/accounts/sessions';
import { verifyCredentials } from '@/lib/server/accounts/verify-credentials';
import type { Actor } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { getClassroom } from '@/lib/server/classrooms/get-classroom';
import { joinClassroom } from '@/lib/server/classrooms/join-classroom';
import { errorOf } from '../support/apply-ops';
import { createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});
const randomAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250)).join('.')}`;
const ONE_TIME = /^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/;

async function classWithTeacher() {
  const teacher = await user();
  const { id } = await createClassroom(teacher, { name: 'Period 4' });
  return { teacher, classroomId: id };
}

// Several bcrypt hashes a test, on a shared machine: room beyond the default 30 s.
describe('managed student accounts', { timeout: 120_000 }, () => {
  it('a roster becomes students of the class with usernames and one-time passwords, stored only as hashes', async () => {
    const { teacher, classroomId } = await classWithTeacher();
    const cards = await addManagedStudents(teacher, classroomId, {
      roster: '\uFEFFName,Email\n"Kowalski, Maya",\nOmar Haddad,\n',
    });
    expect(cards.map((c) => c.name)).toEqual(['Kowalski, Maya', 'Omar Haddad']);
    expect(cards[0]!.username).toMatch(/^kowalski\.m\.\d{2,}$/);
    expect(cards[1]!.username).toMatch(/^omar\.h\.\d{2,}$/);
    for (const card of cards) {
      expect(card.password).toMatch(ONE_TIME);
      const stored = await testDb().user.findUniqueOrThrow({ where: { id: card.userId } });
      expect(stored.email).toBeNull();
      expect(stored.mustChangePassword).toBe(true);
      expect(stored.managedById).toBe(teacher.userId);
      expect(stored.managedInClassroomId).toBe(classroomId);
      expect(stored.passwordHash).not.toContain(card.password);
      expect(await bcrypt.compare(card.password, stored.passwordHash!)).toBe(true);
    }
    const view = await getClassroom(teacher, classroomId);
    expect(view.students.map((s) => [s.name, s.username, s.managed])).toEqual([
      ['Kowalski, Maya', cards[0]!.username, true],
      ['Omar Haddad', cards[1]!.username, true],
    ]);
    // A classmate sees names, not usernames.
    const student: Actor = { kind: 'user', userId: cards[1]!.userId };
    const theirs = await getClassroom(student, classroomId);
    expect(theirs.students.every((s) => s.username === null && !s.managed)).toBe(true);
  });

  it('gives students of the same name distinct usernames, across rosters too', async () => {
    const { teacher, classroomId } = await classWithTeacher();
    const first = await addManagedStudents(teacher, classroomId, {
      roster: 'Sam Lee\nSam Lee\nSam Lee',
    });
    const second = await addManagedStudents(teacher, classroomId, { roster: 'Sam Lee' });
    const usernames = [...first, ...second].map((c) => c.username);
    expect(new Set(usernames).size).toBe(4);
    for (const u of usernames) expect(u).toMatch(/^sam\.l\.\d+$/);
  });

  it('adds nothing when the roster is refused, and only the teacher may add one', async () => {
    const { teacher, classroomId } = await classWithTeacher();
    const many = Array.from({ length: 201 }, (_, i) => `Student ${i}`).join('\n');
    const refused = await errorOf(addManagedStudents(teacher, classroomId, { roster: many }));
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(refused.message).toBe('That is 201 names; add at most 200 at a time.');
    expect(await testDb().classroomMember.count({ where: { classroomId, role: 'STUDENT' } })).toBe(
      0,
    );

    const outsider = await user();
    expect((await errorOf(addManagedStudents(outsider, classroomId, { roster: 'X Y' }))).code).toBe(
      'NOT_FOUND',
    );
    const [card] = await addManagedStudents(teacher, classroomId, { roster: 'Ada Byron' });
    const student: Actor = { kind: 'user', userId: card!.userId };
    // A student of the class is not its teacher.
    expect((await errorOf(addManagedStudents(student, classroomId, { roster: 'X Y' }))).code).toBe(
      'FORBIDDEN',
    );
    expect(await testDb().user.count({ where: { managedInClassroomId: classroomId } })).toBe(1);
  });

  it('signs in with the username (any case) and the one-time password, then must choose a password, which ends other sessions', async () => {
    const { teacher, classroomId } = await classWithTeacher();
    const [card] = await addManagedStudents(teacher, classroomId, { roster: 'Maya Kowalski' });
    const from = randomAddress();
    expect(
      await verifyCredentials({ email: card!.username.toUpperCase(), password: 'nope' }, from),
    ).toBeNull();
    const signedIn = await verifyCredentials(
      { email: card!.username.toUpperCase(), password: card!.password },
      from,
    );
    expect(signedIn?.id).toBe(card!.userId);
    const other = await startSession(card!.userId);
    const current = await startSession(card!.userId);
    expect((await signedInUser(card!.userId, current))?.mustChangePassword).toBe(true);

    const weak = await errorOf(
      replaceOneTimePassword(card!.userId, current, {
        password: 'password123',
        passwordAgain: 'password123',
      }),
    );
    expect(weak.code).toBe('VALIDATION_FAILED');
    const mismatch = await errorOf(
      replaceOneTimePassword(card!.userId, current, {
        password: 'maps of the caucasus',
        passwordAgain: 'maps of the caucasus!',
      }),
    );
    expect(mismatch.message).toBe('The two passwords are not the same.');

    expect(
      await replaceOneTimePassword(card!.userId, current, {
        password: 'maps of the caucasus',
        passwordAgain: 'maps of the caucasus',
      }),
    ).toEqual({ classroomId });
    expect((await signedInUser(card!.userId, current))?.mustChangePassword).toBe(false);
    expect(await signedInUser(card!.userId, other)).toBeNull();
    // The one-time password no longer works; the chosen one does.
    expect(
      await verifyCredentials({ email: card!.username, password: card!.password }, from),
    ).toBeNull();
    expect(
      (await verifyCredentials({ email: card!.username, password: 'maps of the caucasus' }, from))
        ?.id,
    ).toBe(card!.userId);
    // Only once: no second "first" change.
    expect(
      (
        await errorOf(
          replaceOneTimePassword(card!.userId, current, {
            password: 'another long phrase',
            passwordAgain: 'another long phrase',
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
  });

  it('the teacher resets a password: a new card, the old password dead, every session ended', async () => {
    const { teacher, classroomId } = await classWithTeacher();
    const [card] = await addManagedStudents(teacher, classroomId, { roster: 'Omar Haddad' });
    const session = await startSession(card!.userId);
    await replaceOneTimePassword(card!.userId, session, {
      password: 'my own long password',
      passwordAgain: 'my own long password',
    });
    const fresh = await resetManagedPassword(teacher, classroomId, card!.userId);
    expect(fresh.username).toBe(card!.username);
    expect(fresh.password).toMatch(ONE_TIME);
    expect(fresh.password).not.toBe(card!.password);
    expect(await signedInUser(card!.userId, session)).toBeNull();
    const from = randomAddress();
    expect(
      await verifyCredentials({ email: card!.username, password: 'my own long password' }, from),
    ).toBeNull();
    expect(
      (await verifyCredentials({ email: card!.username, password: fresh.password }, from))?.id,
    ).toBe(card!.userId);
    const stored = await testDb().user.findUniqueOrThrow({ where: { id: card!.userId } });
    expect(stored.mustChangePassword).toBe(true);
  });

  it('no one but the class teacher can reset, and only accounts made for the class', async () => {
    const { teacher, classroomId } = await classWithTeacher();
    const [maya, omar] = await addManagedStudents(teacher, classroomId, {
      roster: 'Maya K\nOmar H',
    });
    const before = await testDb().user.findUniqueOrThrow({ where: { id: maya!.userId } });
    const otherTeacher = await classWithTeacher();
    expect(
      (await errorOf(resetManagedPassword(otherTeacher.teacher, classroomId, maya!.userId))).code,
    ).toBe('NOT_FOUND');
    // Nor through their own class, where Maya is not.
    expect(
      (
        await errorOf(
          resetManagedPassword(otherTeacher.teacher, otherTeacher.classroomId, maya!.userId),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const classmate: Actor = { kind: 'user', userId: omar!.userId };
    expect((await errorOf(resetManagedPassword(classmate, classroomId, maya!.userId))).code).toBe(
      'FORBIDDEN',
    );
    // A student with an email account in the class resets their own password.
    const emailStudent = await user();
    const { joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id: classroomId } });
    await joinClassroom(emailStudent, { code: joinCode });
    expect(
      (await errorOf(resetManagedPassword(teacher, classroomId, emailStudent.userId))).code,
    ).toBe('NOT_FOUND');
    const after = await testDb().user.findUniqueOrThrow({ where: { id: maya!.userId } });
    expect(after.passwordHash).toBe(before.passwordHash);
  });

  it('keeps a sign-in made for one class to that class: it joins no other class and creates none', async () => {
    const { teacher, classroomId } = await classWithTeacher();
    const [maya] = await addManagedStudents(teacher, classroomId, { roster: 'Maya K' });
    const mayaActor: Actor = { kind: 'user', userId: maya!.userId };
    const other = await classWithTeacher();
    const { joinCode } = await testDb().classroom.findUniqueOrThrow({
      where: { id: other.classroomId },
    });
    const refused = await errorOf(joinClassroom(mayaActor, { code: joinCode }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('made for one class only');
    expect((await errorOf(createClassroom(mayaActor, { name: 'Maya’s own' }))).code).toBe(
      'FORBIDDEN',
    );
    expect(await testDb().classroomMember.count({ where: { userId: maya!.userId } })).toBe(1);
    expect(await testDb().classroom.count({ where: { teacherId: maya!.userId } })).toBe(0);
  });
});
