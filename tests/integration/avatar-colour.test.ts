import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AVATAR_COLOURS } from '@/lib/domain/people';
import { signUp } from '@/lib/server/accounts/sign-up';
import { ZUpdateProfileInput } from '@/lib/server/accounts/update-profile';
import { testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('a new account’s avatar colour', () => {
  it('is one the profile form accepts, whichever colour sign-up draws', async () => {
    const drawn = new Set<string>();
    for (let i = 0; i < AVATAR_COLOURS.length; i++) {
      // Each draw lands on the next colour of the palette.
      vi.spyOn(Math, 'random').mockReturnValue((i + 0.5) / AVATAR_COLOURS.length);
      const { id } = await signUp({
        name: 'Colour test',
        email: `colour-${randomUUID()}@example.test`,
        password: 'rivers of the caucasus run',
      });
      vi.restoreAllMocks();
      const { avatarColor } = await testDb().user.findUniqueOrThrow({ where: { id: id! } });
      drawn.add(avatarColor);
      expect(
        ZUpdateProfileInput.safeParse({ name: 'Colour test', avatarColor }).success,
        avatarColor,
      ).toBe(true);
    }
    expect(drawn.size).toBe(AVATAR_COLOURS.length);
  });
});
