import { afterAll, describe, expect, it } from 'vitest';
import { endSession, signedInUser, startSession } from '@/lib/server/accounts/sessions';
import { createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

describe('sessions on the server', () => {
  it('count from sign-in until signed out, and each sign-in separately', async () => {
    const user = await createUser();
    const laptop = await startSession(user.id);
    const phone = await startSession(user.id);
    expect(laptop).not.toBe(phone);
    expect((await signedInUser(user.id, laptop))?.id).toBe(user.id);
    await endSession(laptop);
    expect(await signedInUser(user.id, laptop)).toBeNull();
    expect((await signedInUser(user.id, phone))?.id).toBe(user.id);
    // Signing out twice is harmless.
    await endSession(laptop);
  });

  it('do not count once expired, nor for another account, and are swept at the next sign-in', async () => {
    const user = await createUser();
    const other = await createUser();
    const old = await startSession(user.id);
    expect(await signedInUser(other.id, old)).toBeNull();
    await testDb().session.update({
      where: { sessionToken: old },
      data: { expires: new Date(Date.now() - 1000) },
    });
    expect(await signedInUser(user.id, old)).toBeNull();
    await startSession(user.id);
    expect(await testDb().session.count({ where: { sessionToken: old } })).toBe(0);
  });

  it('end with the account', async () => {
    const user = await createUser();
    const session = await startSession(user.id);
    await testDb().user.delete({ where: { id: user.id } });
    expect(await signedInUser(user.id, session)).toBeNull();
    expect(await testDb().session.count({ where: { userId: user.id } })).toBe(0);
  });
});
