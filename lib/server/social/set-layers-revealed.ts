import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { authorizeMap, type Actor } from '../authz';
import { db } from '../db';
import { notifyOpsInTransaction, realtimeBus } from '../realtime/bus';

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
  const seq = await db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { lastSeq: number }[]
    >`SELECT "lastSeq" FROM "ArgumentMap" WHERE id = ${mapId} FOR UPDATE`;
    const next = locked!.lastSeq + 1;
    await tx.argumentMap.update({
      where: { id: mapId },
      data: { layersRevealed: revealed, lastSeq: next },
    });
    await tx.mapOp.create({
      data: {
        mapId,
        seq: next,
        actorId: actor.kind === 'user' ? actor.userId : null,
        op: { kind: 'social', ops: [], revealed } as Prisma.InputJsonValue,
      },
    });
    await notifyOpsInTransaction(tx, mapId, next);
    return next;
  });
  realtimeBus().emitLocal({ type: 'ops', mapId, seq });
}
