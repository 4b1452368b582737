import 'server-only';
import { z } from 'zod';
import type { Format } from '../../domain/formats/schema';
import { applyClock, ClockError } from '../../domain/rounds/clock';
import { ZRoundOp, type TRoundOp } from '../../domain/rounds/types';
import type { RoundChanges } from '../../domain/rounds/views';
import type { Prisma } from '../../generated/prisma/client';
import { authorizeRound, type Actor, type RoundAccess } from '../authz';
import { AppError } from '../errors';
import { appendToLog } from '../maps/append-to-log';
import { entriesById, entryView, roundData } from './round-views';

type Tx = Prisma.TransactionClient;

export const ZApplyRoundOpsInput = z.object({
  ops: z
    .array(ZRoundOp)
    .min(1, 'Send at least one change')
    .max(50, 'Send at most 50 changes at once'),
  idempotencyKey: z.string().min(8).max(100).optional(),
});

const isClock = (op: TRoundOp) => op.type === 'clock';

/**
 * Flow entries and clock commands of one round, all or nothing, in the map's
 * op log (kind 'round'), so every open page of the round gets them live and
 * in order. A batch is either shared (the flow everyone in the round sees,
 * the clocks) or one team's private notes, logged with the team's id so the
 * stream carries it to that team alone.
 */
export async function applyRoundOps(
  actor: Actor,
  roundId: string,
  input: z.infer<typeof ZApplyRoundOpsInput>,
): Promise<{ seq: number; duplicate: boolean }> {
  const clockOps = input.ops.filter(isClock);
  // The chair (a judge) and the teacher may flow too: the clocks ask the most.
  const access = await authorizeRound(
    actor,
    clockOps.length ? 'round:chair' : 'round:flow',
    roundId,
  );
  const actorId = actor.kind === 'user' ? actor.userId : null;
  const mapId = access.round.mapId;

  const appended = await appendToLog(
    { mapId, actorId, idempotencyKey: input.idempotencyKey },
    async (tx) => {
      // Read under the map's lock, which deleting a round takes too: gone since it was authorized?
      const round = await tx.round.findUnique({
        where: { id: roundId },
        select: { format: true, clock: true },
      });
      if (!round) throw new AppError('NOT_FOUND', 'This round was deleted.');
      const { format } = roundData(round);
      let { clock } = roundData(round);
      const teamId = await batchTeam(tx, roundId, input.ops, access);
      const touched: string[] = [];
      for (const op of input.ops) {
        if (op.type === 'clock') {
          try {
            clock = applyClock(clock, op, Date.now(), format);
          } catch (error) {
            if (error instanceof ClockError) throw new AppError('CONFLICT', error.message);
            throw error;
          }
          continue;
        }
        await applyEntryOp(tx, { roundId, mapId, format, actorId, access }, op);
        touched.push(op.id);
      }
      if (clockOps.length)
        await tx.round.update({
          where: { id: roundId },
          data: { clock: clock as unknown as Prisma.InputJsonValue },
        });
      const rows = touched.length ? await entriesById(tx, roundId, [...new Set(touched)]) : [];
      const changes: RoundChanges = {
        roundId,
        entries: rows.filter((r) => r.deletedAt === null).map(entryView),
        removedEntries: rows.filter((r) => r.deletedAt !== null).map((r) => r.id),
        clock: clockOps.length ? clock : null,
      };
      return {
        teamId,
        op: { kind: 'round', roundId, ops: input.ops } as Prisma.InputJsonValue,
        live: { changes },
        value: null,
      };
    },
  );
  return { seq: appended.seq, duplicate: appended.duplicate };
}

/**
 * The team a batch is private to, or null for a shared one. Private notes
 * (a new entry with a team, or a change to one) are one team's, never mixed
 * with the shared flow, and only that team's members write them.
 */
async function batchTeam(
  tx: Tx,
  roundId: string,
  ops: readonly TRoundOp[],
  access: RoundAccess,
): Promise<string | null> {
  const named = ops.flatMap((op) => (op.type === 'addEntry' ? [op.teamId] : []));
  const existing = ops.flatMap((op) =>
    op.type === 'editEntry' || op.type === 'deleteEntry' ? [op.id] : [],
  );
  const stored = existing.length
    ? await tx.flowEntry.findMany({
        where: { roundId, id: { in: existing } },
        select: { teamId: true },
      })
    : [];
  const teams = new Set([...named, ...stored.map((r) => r.teamId)]);
  if (ops.some(isClock)) teams.add(null);
  if (teams.size > 1)
    throw new AppError(
      'VALIDATION_FAILED',
      'Send a team’s private notes apart from the shared flow.',
    );
  const teamId = [...teams][0] ?? null;
  if (teamId !== null && !access.teamIds.includes(teamId)) {
    // Another team's note is not there for this reader: no different from one that never was.
    if (!named.includes(teamId))
      throw new AppError('NOT_FOUND', 'That entry is no longer on the flow.');
    throw new AppError('FORBIDDEN', 'You can only write your own team’s private notes.');
  }
  return teamId;
}

type Context = {
  roundId: string;
  mapId: string;
  format: Format;
  actorId: string | null;
  access: RoundAccess;
};

async function applyEntryOp(
  tx: Tx,
  { roundId, mapId, format, actorId, access }: Context,
  op: Exclude<TRoundOp, { type: 'clock' }>,
) {
  const visible = (teamId: string | null) => teamId === null || access.teamIds.includes(teamId);
  if (op.type === 'addEntry') {
    const speech = format.speeches[op.speech];
    if (!speech) throw new AppError('VALIDATION_FAILED', 'This format has no such speech.');
    if (!speech.flowed)
      throw new AppError(
        'VALIDATION_FAILED',
        `${speech.name} is not flowed: write it in a speech.`,
      );
    if (op.answersId) {
      const answered = await tx.flowEntry.findFirst({
        where: { id: op.answersId, roundId, deletedAt: null },
        select: { speech: true, teamId: true },
      });
      if (!answered || !visible(answered.teamId))
        throw new AppError('NOT_FOUND', 'The entry this answers is no longer on the flow.');
      // A shared entry answering a team's note would tell the other teams the note is there.
      if (answered.teamId !== null && answered.teamId !== op.teamId)
        throw new AppError(
          'VALIDATION_FAILED',
          'Only your team’s own notes can answer a team note; the shared flow cannot.',
        );
      if (answered.speech >= op.speech)
        throw new AppError(
          'VALIDATION_FAILED',
          'A response goes in a later speech than what it answers.',
        );
    }
    if (op.nodeId) await checkNode(tx, mapId, op.nodeId);
    const clash = await tx.flowEntry.findUnique({ where: { id: op.id }, select: { id: true } });
    if (clash) throw new AppError('ID_TAKEN', 'That entry id is taken.');
    await tx.flowEntry.create({
      data: {
        id: op.id,
        roundId,
        speech: op.speech,
        answersId: op.answersId,
        relation: op.relation,
        nodeId: op.nodeId,
        text: op.text,
        teamId: op.teamId,
        authorId: actorId,
      },
    });
    return;
  }
  const row = await tx.flowEntry.findFirst({
    where: { id: op.id, roundId, deletedAt: null },
    select: { version: true, teamId: true, answersId: true },
  });
  if (!row || !visible(row.teamId))
    throw new AppError('NOT_FOUND', 'That entry is no longer on the flow.');
  if (op.type === 'deleteEntry') {
    await tx.flowEntry.update({
      where: { id: op.id },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    return;
  }
  if (row.version !== op.baseVersion)
    throw new AppError(
      'STALE_VERSION',
      'Someone changed this entry meanwhile: look again, then edit.',
    );
  if (op.relation && !row.answersId)
    throw new AppError('VALIDATION_FAILED', 'Only a response has a relation.');
  if (op.nodeId) await checkNode(tx, mapId, op.nodeId);
  await tx.flowEntry.update({
    where: { id: op.id },
    data: {
      ...(op.text !== undefined ? { text: op.text } : {}),
      ...(op.nodeId !== undefined ? { nodeId: op.nodeId } : {}),
      ...(op.relation !== undefined ? { relation: op.relation } : {}),
      version: { increment: 1 },
    },
  });
}

async function checkNode(tx: Tx, mapId: string, nodeId: string) {
  const node = await tx.node.findFirst({
    where: { id: nodeId, mapId, deletedAt: null },
    select: { id: true },
  });
  if (!node) throw new AppError('NOT_FOUND', 'That card is no longer on the map.');
}
