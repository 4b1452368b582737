import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { authorizeMap, type Actor } from '../authz';
import { appendToLog } from '../maps/append-to-log';

/**
 * After the debate the owner may reveal every team's layer to every member
 * (read-only), or hide them again. Logged as an empty social batch so open
 * pages hear about it and reload the layers.
 */
export async function setLayersRevealed(
  actor: Actor,
  mapId: string,
  revealed: boolean,
): Promise<void> {
  await authorizeMap(actor, 'map:manage', mapId);
  await appendToLog({ mapId, actorId: actor.kind === 'user' ? actor.userId : null }, async () => ({
    op: { kind: 'social', ops: [], revealed } as Prisma.InputJsonValue,
    map: { layersRevealed: revealed },
    value: null,
  }));
}
