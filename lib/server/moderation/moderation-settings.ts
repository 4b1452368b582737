import 'server-only';
import { ZModerationSettings } from '../../domain/moderation/suggestions';
import { authorizeModerationSettings } from '../authz';
import { AppError } from '../errors';
import { parseInput } from '../http';
import { appendToLog } from '../maps/append-to-log';
import { listMapPeople } from '../maps/list-map-people';
import { mapUseCase } from '../map-use-case';
import { moderationEntry } from './log-moderation';

/**
 * The map's managers turn approval mode on or off and make people on the
 * map its moderators (or not). Waiting suggestions stay waiting when the
 * mode is turned off: a moderator still decides them.
 */
export const changeModerationSettings = mapUseCase(
  authorizeModerationSettings,
  async ({ actor, access }, raw: unknown): Promise<{ seq: number }> => {
    const mapId = access.map.id;
    const input = parseInput(ZModerationSettings, raw);
    const actorId = actor.kind === 'user' ? actor.userId : null;
    const appended = await appendToLog({ mapId, actorId }, async (tx) => {
      if ('requireApproval' in input)
        await tx.argumentMap.update({
          where: { id: mapId },
          data: { requireApproval: input.requireApproval },
        });
      if ('addModerator' in input) {
        const people = await listMapPeople(mapId, tx);
        if (!people.some((p) => p.id === input.addModerator))
          throw new AppError('VALIDATION_FAILED', 'Only someone on this map can moderate it.');
        await tx.mapModerator.upsert({
          where: { mapId_userId: { mapId, userId: input.addModerator } },
          create: { mapId, userId: input.addModerator, appointedById: actorId },
          update: {},
        });
      }
      if ('removeModerator' in input)
        await tx.mapModerator.deleteMany({ where: { mapId, userId: input.removeModerator } });
      return moderationEntry('settings', null);
    });
    return { seq: appended.seq };
  },
);
