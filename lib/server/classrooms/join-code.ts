import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code read off a projector is typed without guessing. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const JOIN_CODE_LENGTH = 8;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What a student typed, as a code: case, spaces and dashes do not matter. */
export function normaliseJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

/** Shown as ABCD-EFGH, easier to read aloud. */
export function formatJoinCode(code: string): string {
  return code.length === JOIN_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
