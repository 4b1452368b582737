'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { formValues, parseForm, runFormAction, type FormState } from '@/lib/server/form-action';
import {
  assignTeams,
  splitTeamsAtRandom,
  ZAssignTeamsInput,
} from '@/lib/server/teams/assign-teams';
import { createTeam, ZCreateTeamInput } from '@/lib/server/teams/create-team';

const ZMapId = z.string().min(1).max(64);

export async function createTeamAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ['mapId', 'name', 'side']);
  return runFormAction(async () => {
    const mapId = parseForm(ZMapId, values.mapId);
    await createTeam(await currentActor(), mapId, parseForm(ZCreateTeamInput, values));
    revalidatePath(`/maps/${mapId}/teams`);
    return `Team “${(values.name ?? '').trim()}” added.`;
  }, values);
}

/** Reads `team:<userId>` and `side:<teamId>` fields into one assignment. */
export async function saveTeamsAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const mapId = parseForm(ZMapId, form.get('mapId'));
    const assignments: Record<string, string | null> = {};
    const sides: Record<string, string> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value !== 'string') continue;
      if (key.startsWith('team:')) assignments[key.slice(5)] = value || null;
      if (key.startsWith('side:')) sides[key.slice(5)] = value;
    }
    await assignTeams(
      await currentActor(),
      mapId,
      parseForm(ZAssignTeamsInput, { assignments, sides }),
    );
    revalidatePath(`/maps/${mapId}/teams`);
    return 'Teams saved.';
  });
}

export async function splitTeamsAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const mapId = parseForm(ZMapId, form.get('mapId'));
    await splitTeamsAtRandom(await currentActor(), mapId);
    revalidatePath(`/maps/${mapId}/teams`);
    return 'Everyone is on a team, at random and evenly.';
  });
}
