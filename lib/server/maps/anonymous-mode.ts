import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { authorizeAnonymity, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { appendToLog } from './append-to-log';

/**
 * Turns on a map's anonymous mode, for good: from now on students see each
 * other as pseudonyms (display-names.ts). Only the map's managers and its
 * class's teacher may; nobody may turn it off, so a student's pseudonym
 * never becomes their name. Logged as an empty social batch, so open pages
 * fetch their view again and switch at once.
 */
export async function setAnonymous(
  actor: Actor,
  mapId: string,
  anonymous: boolean,
): Promise<{ anonymousSince: string }> {
  await authorizeAnonymity(actor, mapId);
  const { anonymousSince } = await db().argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: { anonymousSince: true },
  });
  if (!anonymous)
    throw new AppError(
      'CONFLICT',
      'Anonymous mode cannot be turned off: students were promised their names stay hidden on this map.',
    );
  if (anonymousSince) return { anonymousSince: anonymousSince.toISOString() };
  const appended = await appendToLog(
    { mapId, actorId: actor.kind === 'user' ? actor.userId : null },
    async (tx) => {
      // Under the map's row lock: a second "turn on" keeps the first time.
      const { anonymousSince } = await tx.argumentMap.findUniqueOrThrow({
        where: { id: mapId },
        select: { anonymousSince: true },
      });
      const since = anonymousSince ?? new Date();
      return {
        op: { kind: 'social', ops: [], anonymous: true } as Prisma.InputJsonValue,
        map: { anonymousSince: since },
        value: since,
      };
    },
  );
  return { anonymousSince: (appended.duplicate ? new Date() : appended.value).toISOString() };
}
