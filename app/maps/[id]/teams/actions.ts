'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/server/form-action';
import { ZRecordId } from '@/lib/server/http';
import {
  assignTeams,
  placeOnSmallestTeams,
  splitTeamsAtRandom,
  ZAssignTeamsInput,
} from '@/lib/server/teams/assign-teams';
import { createTeam, ZCreateTeamInput } from '@/lib/server/teams/create-team';

const ZMapForm = z.object({ mapId: ZRecordId });

/**
 * The teams form: `team:<userId>` (a team id, or empty for no team) and
 * `side:<teamId>` fields, read into one assignment.
 */
const ZSaveTeamsForm = z.preprocess((fields) => {
  const { mapId, ...rest } = fields as Record<string, unknown>;
  const assignments: Record<string, unknown> = {};
  const sides: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (name.startsWith('team:')) assignments[name.slice(5)] = value || null;
    if (name.startsWith('side:')) sides[name.slice(5)] = value;
  }
  return { mapId, assignments, sides };
}, ZAssignTeamsInput.extend(ZMapForm.shape));

export const createTeamAction = formAction(
  ZCreateTeamInput.extend(ZMapForm.shape),
  async ({ mapId, ...input }, actor) => {
    await createTeam(actor, mapId, input);
    revalidatePath(`/maps/${mapId}/teams`);
    return { notice: `Team “${input.name}” added.` };
  },
);

export const saveTeamsAction = formAction(ZSaveTeamsForm, async ({ mapId, ...input }, actor) => {
  await assignTeams(actor, mapId, input);
  revalidatePath(`/maps/${mapId}/teams`);
  return { notice: 'Teams saved.' };
});

export const splitTeamsAction = formAction(ZMapForm, async ({ mapId }, actor) => {
  await splitTeamsAtRandom(actor, mapId);
  revalidatePath(`/maps/${mapId}/teams`);
  return { notice: 'Everyone is on a team, at random and evenly.' };
});

/**
 * The "not on a team yet" flag: `place` is one person's id, or `all` for
 * every `person` the flag listed.
 */
const ZPlaceForm = ZMapForm.extend({ userIds: z.array(ZRecordId).min(1).max(500) });

export const placeOnSmallestTeamsAction = formAction(
  ZPlaceForm,
  async ({ mapId, userIds }, actor) => {
    const placed = await placeOnSmallestTeams(actor, mapId, userIds);
    revalidatePath(`/maps/${mapId}/teams`);
    if (placed.length === 0) return { notice: 'They are on a team already.' };
    return {
      notice: `${placed.map((p) => `${p.name} is on ${p.team}`).join('; ')} now.`,
    };
  },
  {
    read: (form) => {
      const place = form.get('place');
      return {
        mapId: form.get('mapId'),
        userIds: place === 'all' ? form.getAll('person') : [place],
      };
    },
  },
);
