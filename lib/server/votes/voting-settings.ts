import 'server-only';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client';
import { MAX_PERSPECTIVES, ZPerspectiveName } from '../../domain/votes';
import { appendToLog } from '../maps/append-to-log';
import { authorizeMap, type Actor } from '../authz';
import { AppError } from '../errors';
import { parseInput } from '../http';

/** One change to a map's voting settings, by its owner. */
const ZVotingSettings = z.union([
  z.object({ blind: z.boolean() }).strict(),
  z.object({ addPerspective: ZPerspectiveName }).strict(),
  z.object({ removePerspective: z.string().min(1).max(64) }).strict(),
]);

/**
 * Changes how the map is voted on: guided (blind) voting on or off, a
 * perspective of the owner's added or removed (with its votes). Logged as a
 * batch of kind 'vote' with no ops, so open pages fetch what they may now see.
 */
export async function changeVotingSettings(
  actor: Actor,
  mapId: string,
  raw: unknown,
): Promise<{ seq: number }> {
  await authorizeMap(actor, 'map:manage', mapId);
  const input = parseInput(ZVotingSettings, raw);
  const appended = await appendToLog(
    { mapId, actorId: actor.kind === 'user' ? actor.userId : null },
    async (tx) => {
      if ('blind' in input)
        await tx.argumentMap.update({ where: { id: mapId }, data: { blindVoting: input.blind } });
      if ('addPerspective' in input) {
        const count = await tx.mapPerspective.count({ where: { mapId } });
        if (count >= MAX_PERSPECTIVES)
          throw new AppError('CONFLICT', `A map has at most ${MAX_PERSPECTIVES} perspectives.`);
        const taken = await tx.mapPerspective.findFirst({
          where: { mapId, name: { equals: input.addPerspective, mode: 'insensitive' } },
          select: { id: true },
        });
        if (taken)
          throw new AppError('CONFLICT', 'The map already has a perspective of that name.', {
            field: 'addPerspective',
          });
        await tx.mapPerspective.create({ data: { mapId, name: input.addPerspective } });
      }
      if ('removePerspective' in input) {
        const { count } = await tx.mapPerspective.deleteMany({
          where: { id: input.removePerspective, mapId },
        });
        if (count === 0) throw new AppError('NOT_FOUND', 'This perspective is not on the map.');
        await tx.vote.deleteMany({ where: { mapId, perspective: `p:${input.removePerspective}` } });
      }
      return {
        op: { kind: 'vote', ops: [], settings: true } as Prisma.InputJsonValue,
        value: null,
      };
    },
  );
  return { seq: appended.seq };
}
