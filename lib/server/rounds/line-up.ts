import 'server-only';
import { createHash } from 'node:crypto';
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

/** A correction of a made round: its line-up, and the version of it the writer saw (`lineUpVersion`). */
export const ZEditRoundLineUp = ZRoundLineUp.extend({
  version: z
    .string({ error: 'Send the version of the round you are correcting (its lineUp.version).' })
    .min(1, 'Send the version of the round you are correcting (its lineUp.version).')
    .max(100),
});

const byKey = <T extends [string, unknown]>(a: T, b: T) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * The version of a round's line-up: a digest of its motion, the team on
 * each bench, its judges and its chair, the things a correction writes.
 * An edit form carries the version it was opened on, and `editRound`
 * refuses it once the line-up has moved on (someone else corrected it
 * meanwhile). Derived from what a correction changes rather than the
 * round's `updatedAt`, which every clock command moves too: a teacher
 * fixing the motion while the chair starts a speech is not refused.
 */
export function lineUpVersion(round: {
  motion: string;
  seats: { position: string; teamId: string }[];
  judges: { userId: string; chair: boolean }[];
}): string {
  const canonical = JSON.stringify([
    round.motion,
    round.seats.map((s): [string, string] => [s.position, s.teamId]).toSorted(byKey),
    round.judges.map((j): [string, boolean] => [j.userId, j.chair]).toSorted(byKey),
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

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
