import { describe, expect, it } from 'vitest';
import { passwordProblem } from '@/lib/server/accounts/password-policy';

describe('password policy', () => {
  it.each([
    ['too short', 'short1', /at least 10/],
    ['a common password', 'Password123', /most common/],
    ['one repeated character', 'aaaaaaaaaaaa', /repeat/],
    ['the email address inside', 'nora.smith-1987!', /email address/],
    ['over 72 bytes', 'é'.repeat(40), /72 bytes/],
  ])('refuses %s', (_name, password, message) => {
    expect(passwordProblem(password, 'nora.smith@example.test')).toMatch(message);
  });

  it('accepts a long, uncommon passphrase', () => {
    expect(passwordProblem('rivers of the caucasus run', 'nora@example.test')).toBeNull();
  });
});
