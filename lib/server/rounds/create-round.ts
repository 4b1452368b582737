import 'server-only';
import { z } from 'zod';
import { presetByKey } from '../../domain/formats';
import type { Format } from '../../domain/formats/schema';
import { storedFormat } from '../formats/class-formats';
import { INITIAL_CLOCK } from '../../domain/rounds/types';
import type { RoundChanges } from '../../domain/rounds/views';
import type { Prisma } from '../../generated/prisma/client';
import { authorizeRoundsOfMap, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { parseInput } from '../http';
import { appendToLog } from '../maps/append-to-log';
import { checkLineUp, ZRoundLineUp } from './line-up';

const ZCreateRoundInput = z.object({
  /** `preset:<key>` for a built-in format, `class:<id>` for one of the class's own. */
  format: z
    .string()
    .regex(/^(preset|class):[A-Za-z0-9_-]{1,64}$/, 'Choose a format')
    .max(80),
  ...ZRoundLineUp.shape,
});
export type TCreateRoundInput = z.input<typeof ZCreateRoundInput>;

/** The format a round is made with: a preset, or a format of the map's class. */
async function formatFor(choice: string, classroomId: string | null): Promise<Format> {
  const [kind, key] = choice.split(':') as ['preset' | 'class', string];
  if (kind === 'preset') {
    const preset = presetByKey(key);
    if (!preset)
      throw new AppError('VALIDATION_FAILED', 'There is no such format.', { field: 'format' });
    return preset;
  }
  const own = classroomId
    ? await db().classFormat.findFirst({
        where: { id: key, classroomId },
        select: { definition: true },
      })
    : null;
  if (!own)
    throw new AppError('VALIDATION_FAILED', 'This class has no such format.', { field: 'format' });
  return storedFormat(own.definition);
}

/**
 * Makes a practice round on a map: the format is copied into the round, each
 * of its benches gets one of the map's teams (a different team each), and
 * the judges are people of the map (`checkLineUp`). Its number is the map's next.
 * Logged as a round batch (changes say `created`), so the map's rounds
 * page, open elsewhere, lists it at once.
 */
export async function createRound(
  actor: Actor,
  mapId: string,
  raw: TCreateRoundInput,
): Promise<{ id: string; number: number }> {
  const access = await authorizeRoundsOfMap(actor, mapId);
  const input = parseInput(ZCreateRoundInput, raw);
  const format = await formatFor(input.format, access.map.classroomId);
  const { judges, chairId } = await checkLineUp(mapId, format, input);
  const createdById = actor.kind === 'user' ? actor.userId : null;
  // Numbers per map: the log's row lock of the map serialises two teachers creating at once.
  const appended = await appendToLog({ mapId, actorId: createdById }, async (tx) => {
    const last = await tx.round.aggregate({ where: { mapId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const round = await tx.round.create({
      data: {
        mapId,
        number,
        motion: input.motion,
        format: format as unknown as Prisma.InputJsonValue,
        clock: INITIAL_CLOCK as unknown as Prisma.InputJsonValue,
        createdById,
        seats: {
          create: format.positions.map((p) => ({ position: p.key, teamId: input.seats[p.key]! })),
        },
        judges: { create: judges.map((userId) => ({ userId, chair: userId === chairId })) },
      },
      select: { id: true, number: true },
    });
    const changes: RoundChanges = {
      roundId: round.id,
      entries: [],
      removedEntries: [],
      clock: null,
      created: true,
    };
    return {
      op: { kind: 'round', roundId: round.id, ops: [], created: true } as Prisma.InputJsonValue,
      live: { changes },
      value: round,
    };
  });
  // Never a duplicate: no idempotency key is sent.
  if (appended.duplicate) throw new Error('createRound logged no batch');
  return appended.value;
}
