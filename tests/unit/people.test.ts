import { describe, expect, it } from 'vitest';
import {
  AVATAR_COLOURS,
  avatarColour,
  avatarInitials,
  displayName,
  initialsFontSize,
  pseudonymColour,
  pseudonymName,
  randomAvatarColour,
} from '@/lib/domain/people';

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

describe('pseudonyms on an anonymous map', () => {
  it('are "Student N", with "SN" on the avatar, in a size that fits', () => {
    expect(pseudonymName(7)).toBe('Student 7');
    expect(avatarInitials('Student 7')).toBe('S7');
    expect(avatarInitials('Student 12')).toBe('S12');
    expect(avatarInitials('ada Lovelace (Student 7)')).toBe('A');
    expect(initialsFontSize('A', 30)).toBeUndefined();
    expect(initialsFontSize('S7', 30)).toBeLessThan(14);
    expect(initialsFontSize('S12', 30)).toBeLessThan(initialsFontSize('S7', 30)!);
  });

  it('take their colour from the number, from the same palette', () => {
    expect(pseudonymColour(1)).toBe(AVATAR_COLOURS[0]);
    expect(pseudonymColour(AVATAR_COLOURS.length + 1)).toBe(AVATAR_COLOURS[0]);
    expect(AVATAR_COLOURS).toContain(pseudonymColour(5));
  });
});
