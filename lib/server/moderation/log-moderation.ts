import 'server-only';
import type { ModerationBatch } from '../../domain/moderation/suggestions';
import type { Prisma } from '../../generated/prisma/client';

type Tx = Prisma.TransactionClient;

/**
 * What a batch of kind 'moderation' logs: which sort of thing happened and
 * to which suggestion or flag (ids only), never whose words or what they
 * said, so the stream tells nobody a student's suggestion; an open page
 * fetches the moderation view it may see only when the batch concerns
 * what it shows (lib/domain/moderation/suggestions.ts, `concernsReader`).
 */
export type ModerationEvent = ModerationBatch['what'];

/** The logged body of a moderation batch (for appendToLog's `also`). */
export function moderationBatch(
  what: ModerationEvent,
  about: Omit<ModerationBatch, 'what'> = {},
): Prisma.InputJsonValue {
  return { kind: 'moderation', ops: [], what, ...about } as Prisma.InputJsonValue;
}

/** The log entry of a moderation batch (for appendToLog). */
export function moderationEntry<T>(
  what: ModerationEvent,
  value: T,
  about: Omit<ModerationBatch, 'what'> = {},
) {
  return { op: moderationBatch(what, about), value };
}

/** A waiting suggestion of this map, locked for the transaction (two moderators deciding at once decide once). */
export async function lockWaiting(tx: Tx, mapId: string, suggestionId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Suggestion" WHERE "id" = ${suggestionId} AND "mapId" = ${mapId} FOR UPDATE`;
  if (!row) return null;
  return tx.suggestion.findUniqueOrThrow({ where: { id: suggestionId } });
}
