import 'server-only';
import bcrypt from 'bcryptjs';
import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another on a printed card (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A one-time password for a sign-in card: 12 characters from
 * {@link ALPHABET} drawn with crypto randomness (about 59 bits), in groups
 * of four ("kq7m-x3pd-h2wa") so it is easy to copy from paper.
 */
export function oneTimePassword(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

/**
 * bcrypt cost for one-time passwords: lower than for chosen ones (12),
 * since the password's own randomness is what stops a guesser, and a roster
 * of 200 is hashed in one request. It works once: the student must choose
 * their own at first sign-in.
 */
const ONE_TIME_COST = 10;

export function hashOneTimePassword(password: string): Promise<string> {
  return bcrypt.hash(password, ONE_TIME_COST);
}
