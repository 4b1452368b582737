import { describe, expect, it } from 'vitest';
import { AVATAR_COLOURS, avatarColour, displayName, randomAvatarColour } from '@/lib/domain/people';

describe('displayName', () => {
  it('is the name a person gave', () => {
    expect(displayName({ name: '  Ana Petrosyan ', email: 'ana@school.test' })).toBe(
      'Ana Petrosyan',
    );
  });

  it('falls back to the part of the email before the @, never the whole address', () => {
    expect(displayName({ name: null, email: 'ana.p@school.test' })).toBe('ana.p');
    expect(displayName({ name: '   ', email: 'ana.p@school.test' })).toBe('ana.p');
  });

  it('says "Someone" for a person with neither', () => {
    expect(displayName(null)).toBe('Someone');
    expect(displayName({ name: null, email: null })).toBe('Someone');
  });
});

describe('avatar colours', () => {
  it('gives every new account a colour the profile form accepts', () => {
    for (const r of [0, 0.2, 0.5, 0.999999, 1]) {
      expect(AVATAR_COLOURS).toContain(randomAvatarColour(() => r));
    }
  });

  it('draws a missing colour in the neutral fallback', () => {
    expect(avatarColour(null)).toBe('#64748b');
    expect(avatarColour('#4f46e5')).toBe('#4f46e5');
  });
});
