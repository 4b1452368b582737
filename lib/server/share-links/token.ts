import { createHash, randomBytes } from 'node:crypto';

/** 192 random bits, URL-safe. Only its SHA-256 is stored. */
export function newShareToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as it can appear in a link: anything else is garbled and never reaches the database. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;
