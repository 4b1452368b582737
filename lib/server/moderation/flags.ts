import 'server-only';
import { ZFlagDecision, ZFlagInput } from '../../domain/moderation/suggestions';
import { authorizeModerating } from '../authz';
import { AppError } from '../errors';
import { parseInput } from '../http';
import { appendToLog } from '../maps/append-to-log';
import { applyOpsWithin } from '../maps/apply-ops';
import { mapUseCase } from '../map-use-case';
import { moderationBatch, moderationEntry } from './log-moderation';

/** Any member who may comment flags a card for a moderator to look at, at most once per card. */
export const flagCard = mapUseCase(
  'map:comment',
  async ({ actor, access }, raw: unknown): Promise<{ seq: number }> => {
    if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to flag a card.');
    const mapId = access.map.id;
    const { nodeId, reason } = parseInput(ZFlagInput, raw);
    const appended = await appendToLog({ mapId, actorId: actor.userId }, async (tx) => {
      const node = await tx.node.findFirst({
        where: { id: nodeId, mapId, deletedAt: null },
        select: { id: true },
      });
      if (!node) throw new AppError('NOT_FOUND', 'This card is not on the map any more.');
      const already = await tx.flag.findUnique({
        where: { nodeId_raisedById: { nodeId, raisedById: actor.userId } },
        select: { id: true },
      });
      if (already) throw new AppError('CONFLICT', 'You have already flagged this card.');
      const flag = await tx.flag.create({
        data: { mapId, nodeId, raisedById: actor.userId, reason },
        select: { id: true },
      });
      return moderationEntry('flagged', null, { flagId: flag.id });
    });
    return { seq: appended.seq };
  },
);

/**
 * A moderator resolves a flag: dismisses it, or deletes the card (through
 * the op path: the moderator's batch, undoable like any delete), which
 * resolves every open flag on that card. The delete and the moderation
 * batch that tells the queues commit together.
 */
export const resolveFlag = mapUseCase(
  authorizeModerating,
  async ({ actor, access }, flagId: string, raw: unknown): Promise<{ seq: number }> => {
    const mapId = access.map.id;
    const { action } = parseInput(ZFlagDecision, raw);
    const actorId = actor.kind === 'user' ? actor.userId : null;
    const now = new Date();
    const flag = await appendToLog({ mapId, actorId }, async (tx) => {
      const found = await tx.flag.findFirst({
        where: { id: flagId, mapId, resolvedAt: null },
        select: { nodeId: true },
      });
      if (!found) throw new AppError('NOT_FOUND', 'This flag has already been dealt with.');
      const resolved = { resolvedAt: now, resolvedById: actorId, resolution: 'DISMISSED' };
      if (action === 'dismiss') {
        await tx.flag.update({ where: { id: flagId }, data: resolved });
        return moderationEntry('resolved', null, { flagId });
      }
      const entry = await applyOpsWithin(
        tx,
        { mapId, actorId },
        [{ type: 'deleteNode', id: found.nodeId }],
        'do',
      );
      await tx.flag.updateMany({
        where: { mapId, nodeId: found.nodeId, resolvedAt: null },
        data: { ...resolved, resolution: 'DELETED' },
      });
      return { ...entry, also: [moderationBatch('resolved', { flagId })] };
    });
    return { seq: flag.seq };
  },
);
