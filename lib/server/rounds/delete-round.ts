import 'server-only';
import type { RoundChanges } from '../../domain/rounds/views';
import type { Prisma } from '../../generated/prisma/client';
import { authorizeRound, type Actor } from '../authz';
import { appendToLog } from '../maps/append-to-log';

/**
 * Deletes a practice round with its flow, clocks and ballots (the map's
 * cards, promoted entries included, stay). Logged as a round batch, so its
 * open pages say at once that it is gone.
 */
export async function deleteRound(actor: Actor, roundId: string): Promise<{ mapId: string }> {
  const access = await authorizeRound(actor, 'round:manage', roundId);
  const mapId = access.round.mapId;
  await appendToLog({ mapId, actorId: actor.kind === 'user' ? actor.userId : null }, async (tx) => {
    await tx.round.delete({ where: { id: roundId } });
    const changes: RoundChanges = {
      roundId,
      entries: [],
      removedEntries: [],
      clock: null,
      deleted: true,
    };
    return {
      op: { kind: 'round', roundId, ops: [], deleted: true } as Prisma.InputJsonValue,
      live: { changes },
      value: null,
    };
  });
  return { mapId };
}
