import 'server-only';
import { z } from 'zod';
import { ZSide } from '../../domain/ops';
import { authorizeMap, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';

const TEAM_COLOURS = ['#1d4ed8', '#c2410c', '#15803d', '#7c3aed', '#b45309', '#0e7490'];

export const ZCreateTeamInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the team a name')
    .max(60, 'A team name is at most 60 characters'),
  side: ZSide,
});

/** A new team on a map, arguing one side (by the map's owner). */
export async function createTeam(
  actor: Actor,
  mapId: string,
  input: z.infer<typeof ZCreateTeamInput>,
): Promise<{ id: string }> {
  await authorizeMap(actor, 'map:manage', mapId);
  const count = await db().team.count({ where: { mapId } });
  try {
    return await db().team.create({
      data: {
        mapId,
        name: input.name,
        side: input.side,
        color: TEAM_COLOURS[count % TEAM_COLOURS.length]!,
      },
      select: { id: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002')
      throw new AppError('CONFLICT', 'This map already has a team with that name.');
    throw error;
  }
}
