import 'server-only';
import type { z } from 'zod';
import { displayName } from '../../domain/people';
import type { RoundChanges } from '../../domain/rounds/views';
import type { Prisma } from '../../generated/prisma/client';
import { authorizeRound, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { parseInput } from '../http';
import { appendToLog } from '../maps/append-to-log';
import { checkLineUp, lineUpVersion, ZEditRoundLineUp } from './line-up';
import { roundData } from './round-views';

export type TEditRoundInput = z.input<typeof ZEditRoundLineUp>;

/**
 * Corrects a round after it was made: its motion, the team on each bench,
 * its judges and its chair, checked as when it was made (`checkLineUp`).
 * The format stays: flow entries and ballots point at its speeches and
 * benches. What may change once the round is under way:
 * - the motion's wording and the chair (among the judges), always;
 * - the benches and the judges, until a ballot is released: a released
 *   ballot judged those teams, so changing them would rewrite a result;
 * - a judge who has begun a ballot (a draft) stays a judge of the round
 *   (removing them would lose their draft); judges may still be added.
 * The flow stays with its speeches, and a team's private notes with their
 * team. The input carries the version of the line-up the writer saw
 * (`lineUpVersion`, in the round's view): once someone else has corrected
 * the round meanwhile, the save is refused (409 STALE_VERSION) and nothing
 * is written, rather than overwriting their correction unseen. All or
 * nothing, under the round's row lock (the lock a ballot's release takes),
 * and logged as a round batch so every open page of the round reads it
 * again at once.
 */
export async function editRound(
  actor: Actor,
  roundId: string,
  raw: TEditRoundInput,
): Promise<{ mapId: string }> {
  const access = await authorizeRound(actor, 'round:manage', roundId);
  const mapId = access.round.mapId;
  const input = parseInput(ZEditRoundLineUp, raw);
  const { format } = roundData(
    await db().round.findUniqueOrThrow({
      where: { id: roundId },
      select: { format: true, clock: true },
    }),
  );
  const { judges, chairId } = await checkLineUp(mapId, format, input);
  const actorId = actor.kind === 'user' ? actor.userId : null;
  await appendToLog({ mapId, actorId }, async (tx) => {
    const locked = await tx.$queryRaw<
      unknown[]
    >`SELECT 1 FROM "Round" WHERE "id" = ${roundId} FOR UPDATE`;
    if (!locked.length) throw new AppError('NOT_FOUND', 'This round was deleted.');
    const [row, seats, current, ballots] = await Promise.all([
      tx.round.findUniqueOrThrow({ where: { id: roundId }, select: { motion: true } }),
      tx.roundSeat.findMany({ where: { roundId }, select: { position: true, teamId: true } }),
      tx.roundJudge.findMany({ where: { roundId }, select: { userId: true, chair: true } }),
      tx.ballot.findMany({
        where: { roundId },
        select: { releasedAt: true, judgeId: true, judge: { select: { name: true, email: true } } },
      }),
    ]);
    if (lineUpVersion({ motion: row.motion, seats, judges: current }) !== input.version)
      throw new AppError(
        'STALE_VERSION',
        'Someone else changed this round after you opened the form, so nothing was saved. The round as it is now is shown: look it over and save again.',
      );
    const seatOf = new Map(seats.map((s) => [s.position, s.teamId]));
    const moved = format.positions.filter((p) => seatOf.get(p.key) !== input.seats[p.key]);
    const before = new Set(current.map((j) => j.userId));
    const removed = [...before].filter((id) => !judges.includes(id));
    const added = judges.filter((id) => !before.has(id));
    if ((moved.length || removed.length || added.length) && ballots.some((b) => b.releasedAt))
      throw new AppError(
        'CONFLICT',
        'A ballot of this round is released: its benches and judges stay as they were judged. The motion and the chair can still be corrected.',
      );
    const drafting = ballots.find((b) => removed.includes(b.judgeId));
    if (drafting)
      throw new AppError(
        'CONFLICT',
        `${displayName(drafting.judge)} has begun a ballot in this round, so they stay one of its judges.`,
        { field: 'judges' },
      );

    await tx.round.update({ where: { id: roundId }, data: { motion: input.motion } });
    for (const bench of moved)
      await tx.roundSeat.upsert({
        where: { roundId_position: { roundId, position: bench.key } },
        create: { roundId, position: bench.key, teamId: input.seats[bench.key]! },
        update: { teamId: input.seats[bench.key]! },
      });
    if (removed.length)
      await tx.roundJudge.deleteMany({ where: { roundId, userId: { in: removed } } });
    if (added.length)
      await tx.roundJudge.createMany({ data: added.map((userId) => ({ roundId, userId })) });
    await tx.roundJudge.updateMany({
      where: chairId
        ? { roundId, chair: true, userId: { not: chairId } }
        : { roundId, chair: true },
      data: { chair: false },
    });
    if (chairId)
      await tx.roundJudge.update({
        where: { roundId_userId: { roundId, userId: chairId } },
        data: { chair: true },
      });

    const changes: RoundChanges = {
      roundId,
      entries: [],
      removedEntries: [],
      clock: null,
      setup: true,
    };
    return {
      op: { kind: 'round', roundId, ops: [], edited: true } as Prisma.InputJsonValue,
      live: { changes },
      value: null,
    };
  });
  return { mapId };
}
