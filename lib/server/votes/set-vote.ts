import 'server-only';
import { ZVoteInput, type VoteChange } from '../../domain/votes';
import { appendToLog } from '../maps/append-to-log';
import { authorizeMap, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { parseInput } from '../http';

/**
 * Sets (or, with impact null, clears) the actor's vote on a claim from one
 * perspective. Logged as a batch of kind 'vote' naming the claim and the
 * perspective but never the impact, so open pages fetch what they may see
 * and nobody learns a value from the stream.
 */
export async function setVote(actor: Actor, mapId: string, raw: unknown): Promise<{ seq: number }> {
  await authorizeMap(actor, 'map:vote', mapId);
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to vote.');
  const voterId = actor.userId;
  const input = parseInput(ZVoteInput, raw);
  const { nodeId, perspective, impact } = input;
  if (perspective.startsWith('p:')) {
    const own = await db().mapPerspective.findFirst({
      where: { id: perspective.slice(2), mapId },
      select: { id: true },
    });
    if (!own)
      throw new AppError('VALIDATION_FAILED', 'perspective: This perspective is not on the map.', {
        field: 'perspective',
      });
  }
  if (perspective === 'team' && impact !== null) {
    const onTeam = await db().teamMember.findFirst({
      where: { userId: voterId, team: { mapId } },
      select: { id: true },
    });
    if (!onTeam)
      throw new AppError(
        'VALIDATION_FAILED',
        'perspective: You are on no team of this map yet, so you cannot vote for your team.',
        { field: 'perspective' },
      );
  }
  const appended = await appendToLog({ mapId, actorId: voterId }, async (tx) => {
    const node = await tx.node.findFirst({
      where: { id: nodeId, mapId, deletedAt: null },
      select: { id: true },
    });
    if (!node) throw new AppError('NOT_FOUND', 'This claim is not on the map any more.');
    const key = { nodeId_voterId_perspective: { nodeId, voterId, perspective } };
    if (impact === null) await tx.vote.deleteMany({ where: { nodeId, voterId, perspective } });
    else
      await tx.vote.upsert({
        where: key,
        create: { mapId, nodeId, voterId, perspective, impact },
        update: { impact },
      });
    const change: VoteChange = { nodeId, perspective };
    return { op: { kind: 'vote', ops: [change] }, value: null };
  });
  return { seq: appended.seq };
}
