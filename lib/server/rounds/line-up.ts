import 'server-only';
import { z } from 'zod';
import type { Format } from '../../domain/formats/schema';
import { db } from '../db';
import { AppError } from '../errors';
import { ZRecordId } from '../http';
import { listMapPeople } from '../maps/list-map-people';

/**
 * What a round is fought on and by whom, as a teacher sets it when making a
 * round (`createRound`) and corrects it afterwards (`editRound`): the same
 * schema and the same checks for both.
 */
export const ZRoundLineUp = z.object({
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
export type RoundLineUp = z.output<typeof ZRoundLineUp>;

/**
 * Checks a line-up against the map and the round's format: each bench gets
 * one of the map's teams (a different team each), the judges are people of
 * the map and none sits on a bench of the round. Answers the judges without
 * repeats and the chair (the chosen one if a judge, else the first judge).
 */
export async function checkLineUp(
  mapId: string,
  format: Format,
  input: RoundLineUp,
): Promise<{ judges: string[]; chairId: string | null }> {
  const teams = await db().team.findMany({ where: { mapId }, select: { id: true } });
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
  return { judges, chairId };
}
