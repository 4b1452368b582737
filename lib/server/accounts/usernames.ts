import 'server-only';
import { randomInt } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client';

/**
 * Unique usernames for these bases ("maya.k" → "maya.k.42"): a random
 * number is added, avoiding the usernames already taken (read in the same
 * transaction) and those given to earlier names of the same roster. The
 * unique index is the last word: a username taken by a concurrent roster
 * fails the transaction, which the caller tries again.
 */
export async function uniqueUsernames(
  tx: Prisma.TransactionClient,
  bases: string[],
): Promise<string[]> {
  const distinct = [...new Set(bases)];
  const existing = await tx.user.findMany({
    where: { OR: distinct.map((base) => ({ username: { startsWith: `${base}.` } })) },
    select: { username: true },
  });
  const taken = new Set(existing.map((u) => u.username));
  return bases.map((base) => {
    // Two digits while there is room, then more.
    for (let digits = 2; ; digits++) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const candidate = `${base}.${randomInt(10 ** (digits - 1), 10 ** digits)}`;
        if (!taken.has(candidate)) {
          taken.add(candidate);
          return candidate;
        }
      }
    }
  });
}
