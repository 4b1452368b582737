import 'server-only';
import { ballotProblem, ZBallotInput, type BallotInput } from '../../domain/rounds/ballot';
import { displayName } from '../../domain/people';
import type { Prisma } from '../../generated/prisma/client';
import { authorizeRound, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { parseInput } from '../http';
import { appendToLog } from '../maps/append-to-log';
import type { BallotView, RoundChanges } from '../../domain/rounds/views';
import { roundData } from './round-views';

/** Released ballots of a round, and the reader's own (draft or not). */
export async function ballotsFor(roundId: string, userId: string | null): Promise<BallotView[]> {
  const rows = await db().ballot.findMany({
    where: {
      roundId,
      OR: [{ releasedAt: { not: null } }, ...(userId ? [{ judgeId: userId }] : [])],
    },
    include: { judge: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((row) => ({
    id: row.id,
    judge: { id: row.judge.id, name: displayName(row.judge) },
    decision: row.decision as BallotInput['decision'],
    scores: row.speakers as BallotInput['scores'],
    reason: row.reason,
    ties: row.ties as BallotInput['ties'],
    releasedAt: row.releasedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/**
 * Saves a judge's ballot, and with `release` gives it to the round: then it
 * can no longer change, and every open page of the round is told (a round
 * batch in the log), so the teams see the result at once. Until released,
 * only its judge reads it.
 */
export async function saveBallot(
  actor: Actor,
  roundId: string,
  raw: unknown,
  { release }: { release: boolean },
): Promise<BallotView> {
  const access = await authorizeRound(actor, 'round:judge', roundId);
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to judge.');
  const judgeId = actor.userId;
  const ballot = parseInput(ZBallotInput, raw);
  const round = await db().round.findUniqueOrThrow({
    where: { id: roundId },
    select: { format: true, clock: true },
  });
  const problem = ballotProblem(roundData(round).format, ballot, { final: release });
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  const entryIds = [...new Set(ballot.ties.flatMap((t) => t.entryIds))];
  const nodeIds = [...new Set(ballot.ties.flatMap((t) => t.nodeIds))];
  const [entries, nodes] = await Promise.all([
    entryIds.length
      ? db().flowEntry.count({
          where: { id: { in: entryIds }, roundId, teamId: null, deletedAt: null },
        })
      : 0,
    nodeIds.length
      ? db().node.count({
          where: { id: { in: nodeIds }, mapId: access.round.mapId, deletedAt: null },
        })
      : 0,
  ]);
  if (entries !== entryIds.length || nodes !== nodeIds.length)
    throw new AppError(
      'VALIDATION_FAILED',
      'A reason points at something no longer on the flow or the map.',
    );

  const data = {
    decision: ballot.decision as Prisma.InputJsonValue,
    speakers: ballot.scores as Prisma.InputJsonValue,
    reason: ballot.reason,
    ties: ballot.ties as Prisma.InputJsonValue,
  };
  const stamp = release ? { submittedAt: new Date(), releasedAt: new Date() } : {};
  const write = async (tx: Prisma.TransactionClient) => {
    // One ballot write of a round at a time: a judge's first save from two tabs makes one ballot.
    const locked = await tx.$queryRaw<
      unknown[]
    >`SELECT 1 FROM "Round" WHERE "id" = ${roundId} FOR UPDATE`;
    if (!locked.length) throw new AppError('NOT_FOUND', 'This round was deleted.');
    // Still a judge under the lock a correction of the round takes (editRound): a judge
    // taken off while this ballot was on its way gives the round no result.
    const judging = await tx.roundJudge.findUnique({
      where: { roundId_userId: { roundId, userId: judgeId } },
      select: { userId: true },
    });
    if (!judging) throw new AppError('FORBIDDEN', 'You are no longer a judge of this round.');
    // Only a ballot not yet released changes: the condition is checked under the row's lock,
    // so a draft saved at the moment of release cannot overwrite what the teams were given.
    const updated = await tx.ballot.updateMany({
      where: { roundId, judgeId, releasedAt: null },
      data: { ...data, ...stamp },
    });
    if (updated.count > 0) return;
    const existing = await tx.ballot.findUnique({
      where: { roundId_judgeId: { roundId, judgeId } },
      select: { id: true },
    });
    if (existing)
      throw new AppError('CONFLICT', 'This ballot is released: it can no longer change.');
    await tx.ballot.create({ data: { roundId, judgeId, ...data, ...stamp } });
  };
  if (release) {
    const changes: RoundChanges = {
      roundId,
      entries: [],
      removedEntries: [],
      clock: null,
      ballots: true,
    };
    await appendToLog({ mapId: access.round.mapId, actorId: judgeId }, async (tx) => {
      await write(tx);
      return {
        op: { kind: 'round', roundId, ops: [], released: true } as Prisma.InputJsonValue,
        live: { changes },
        value: null,
      };
    });
  } else {
    await db().$transaction(write);
  }
  const mine = (await ballotsFor(roundId, judgeId)).find((b) => b.judge.id === judgeId);
  return mine!;
}
