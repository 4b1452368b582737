import 'server-only';
import { z } from 'zod';
import { presetByKey } from '../../domain/formats';
import type { Format } from '../../domain/formats/schema';
import { storedFormat } from '../formats/class-formats';
import { INITIAL_CLOCK } from '../../domain/rounds/types';
import type { Prisma } from '../../generated/prisma/client';
import { authorizeRoundsOfMap, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { parseInput, ZRecordId } from '../http';
import { listMapPeople } from '../maps/list-map-people';

const ZCreateRoundInput = z.object({
  /** `preset:<key>` for a built-in format, `class:<id>` for one of the class's own. */
  format: z
    .string()
    .regex(/^(preset|class):[A-Za-z0-9_-]{1,64}$/, 'Choose a format')
    .max(80),
  motion: z
    .string()
    .trim()
    .min(1, 'Write the motion')
    .max(500, 'Keep the motion under 500 characters'),
  /** The team on each bench: position key → team id. */
  seats: z.record(z.string().max(40), ZRecordId),
  judges: z.array(ZRecordId).max(9, 'At most nine judges').default([]),
  /** The judge who chairs (runs the clocks with the teacher); the first judge when absent. */
  chairId: ZRecordId.nullable().default(null),
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
 * the judges are people of the map. Its number is the map's next.
 */
export async function createRound(
  actor: Actor,
  mapId: string,
  raw: TCreateRoundInput,
): Promise<{ id: string; number: number }> {
  const access = await authorizeRoundsOfMap(actor, mapId);
  const input = parseInput(ZCreateRoundInput, raw);
  const format = await formatFor(input.format, access.map.classroomId);
  const teams = await db().team.findMany({ where: { mapId }, select: { id: true, name: true } });
  const teamIds = new Set(teams.map((t) => t.id));
  const seated = new Set<string>();
  for (const position of format.positions) {
    const teamId = input.seats[position.key];
    if (!teamId || !teamIds.has(teamId))
      throw new AppError('VALIDATION_FAILED', `Choose a team for ${position.name}.`, {
        field: `seat:${position.key}`,
      });
    if (seated.has(teamId))
      throw new AppError('VALIDATION_FAILED', 'Each bench needs its own team.', {
        field: `seat:${position.key}`,
      });
    seated.add(teamId);
  }
  const judges = [...new Set(input.judges)];
  if (judges.length) {
    const people = new Set((await listMapPeople(mapId)).map((p) => p.id));
    if (judges.some((id) => !people.has(id)))
      throw new AppError('VALIDATION_FAILED', 'A judge must be someone on this map.', {
        field: 'judges',
      });
  }
  // A judge does not sit on a bench of the round they judge (nor read its team's notes).
  if (judges.length) {
    const seatedJudge = await db().teamMember.findFirst({
      where: { teamId: { in: [...seated] }, userId: { in: judges } },
      select: { user: { select: { name: true, email: true } } },
    });
    if (seatedJudge)
      throw new AppError(
        'VALIDATION_FAILED',
        `${seatedJudge.user.name ?? seatedJudge.user.email ?? 'A judge'} is on a team in this round: choose another judge.`,
        { field: 'judges' },
      );
  }
  const chairId =
    input.chairId && judges.includes(input.chairId) ? input.chairId : (judges[0] ?? null);
  const createdById = actor.kind === 'user' ? actor.userId : null;
  return db().$transaction(async (tx) => {
    // Numbers per map: the row lock of the map serialises two teachers creating at once.
    await tx.$queryRaw`SELECT 1 FROM "ArgumentMap" WHERE "id" = ${mapId} FOR UPDATE`;
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
    return round;
  });
}
