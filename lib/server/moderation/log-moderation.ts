import 'server-only';
import type { Prisma } from '../../generated/prisma/client';

type Tx = Prisma.TransactionClient;

/**
 * What a batch of kind 'moderation' logs: which sort of thing happened,
 * never whose words or what they said, so the stream tells nobody a
 * student's suggestion; open pages fetch the moderation view they may see.
 */
export type ModerationEvent =
  'suggested' | 'withdrawn' | 'approved' | 'declined' | 'flagged' | 'resolved' | 'settings';

/** The log entry of a moderation batch (for appendToLog). */
export function moderationEntry<T>(what: ModerationEvent, value: T) {
  return { op: { kind: 'moderation', ops: [], what } as Prisma.InputJsonValue, value };
}

/** A waiting suggestion of this map, locked for the transaction (two moderators deciding at once decide once). */
export async function lockWaiting(tx: Tx, mapId: string, suggestionId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Suggestion" WHERE "id" = ${suggestionId} AND "mapId" = ${mapId} FOR UPDATE`;
  if (!row) return null;
  return tx.suggestion.findUniqueOrThrow({ where: { id: suggestionId } });
}
