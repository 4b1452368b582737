import 'server-only';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { ZSide } from '../../domain/ops';
import { accessChanged, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { getTeamSetup, type TeamSetup } from './get-team-setup';

export const ZAssignTeamsInput = z.object({
  /** userId → teamId, or null for no team. */
  assignments: z.record(z.string().min(1).max(64), z.string().min(1).max(64).nullable()),
  /** teamId → side. */
  sides: z.record(z.string().min(1).max(64), ZSide).default({}),
});

type TAssignTeamsInput = z.infer<typeof ZAssignTeamsInput>;

/**
 * Puts people on teams by hand and sets the teams' sides, all at once: a
 * person is on at most one team of a map. Only people who can be on the
 * map's teams (its class's students and members) and only this map's teams
 * are accepted. Only the map's owner: getTeamSetup authorizes 'map:manage'.
 */
export async function assignTeams(
  actor: Actor,
  mapId: string,
  input: TAssignTeamsInput,
): Promise<void> {
  await writeAssignments(await getTeamSetup(actor, mapId), input);
}

/** Checks an assignment against the map's teams and people, and writes it in one transaction. */
async function writeAssignments(setup: TeamSetup, input: TAssignTeamsInput): Promise<void> {
  const mapId = setup.map.id;
  const teams = new Set(setup.teams.map((t) => t.id));
  const people = new Set(setup.people.map((p) => p.id));
  for (const [userId, teamId] of Object.entries(input.assignments)) {
    if (!people.has(userId))
      throw new AppError(
        'VALIDATION_FAILED',
        'Only students of the class or members of the map can be put on a team.',
      );
    if (teamId !== null && !teams.has(teamId))
      throw new AppError('VALIDATION_FAILED', 'That team is not one of this map’s teams.');
  }
  for (const teamId of Object.keys(input.sides)) {
    if (!teams.has(teamId))
      throw new AppError('VALIDATION_FAILED', 'That team is not one of this map’s teams.');
  }
  await db().$transaction(async (tx) => {
    for (const [teamId, side] of Object.entries(input.sides))
      await tx.team.update({ where: { id: teamId }, data: { side } });
    const userIds = Object.keys(input.assignments);
    await tx.teamMember.deleteMany({ where: { userId: { in: userIds }, team: { mapId } } });
    const rows = Object.entries(input.assignments).flatMap(([userId, teamId]) =>
      teamId ? [{ userId, teamId }] : [],
    );
    if (rows.length) await tx.teamMember.createMany({ data: rows });
  });
  // A student moved to another team gets that team's notes from now on, and no longer the old team's.
  await accessChanged({ mapId });
}

/**
 * Splits everyone who can be on a team across the map's teams at random,
 * as evenly as possible (sizes differ by at most one). Needs two teams.
 * Only the map's owner: getTeamSetup authorizes 'map:manage'.
 */
export async function splitTeamsAtRandom(actor: Actor, mapId: string): Promise<void> {
  const setup = await getTeamSetup(actor, mapId);
  if (setup.teams.length < 2) throw new AppError('BAD_REQUEST', 'Create at least two teams first.');
  const people = setup.people.map((p) => p.id);
  for (let i = people.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [people[i], people[j]] = [people[j]!, people[i]!];
  }
  const assignments = Object.fromEntries(
    people.map((id, index) => [id, setup.teams[index % setup.teams.length]!.id]),
  );
  await writeAssignments(setup, { assignments, sides: {} });
}

/**
 * Puts people who are on no team (a student who joined after the teams were
 * set) each on the team with the fewest members at that moment, the oldest
 * team first on a tie. Someone already on a team stays where they are, so a
 * second click changes nothing. Returns where each was put. Only the map's
 * owner: getTeamSetup authorizes 'map:manage'.
 */
export async function placeOnSmallestTeams(
  actor: Actor,
  mapId: string,
  userIds: string[],
): Promise<{ name: string; team: string }[]> {
  const setup = await getTeamSetup(actor, mapId);
  if (setup.teams.length === 0) throw new AppError('BAD_REQUEST', 'Add a team first.');
  const sizes = new Map(setup.teams.map((t) => [t.id, t.memberIds.length]));
  const assignments: Record<string, string> = {};
  const placed: { name: string; team: string }[] = [];
  for (const userId of userIds) {
    const person = setup.people.find((p) => p.id === userId);
    if (!person)
      throw new AppError(
        'VALIDATION_FAILED',
        'Only students of the class or members of the map can be put on a team.',
      );
    if (person.teamId !== null || userId in assignments) continue;
    const smallest = setup.teams.reduce((a, b) => (sizes.get(b.id)! < sizes.get(a.id)! ? b : a));
    sizes.set(smallest.id, sizes.get(smallest.id)! + 1);
    assignments[userId] = smallest.id;
    placed.push({ name: person.name, team: smallest.name });
  }
  if (placed.length) await writeAssignments(setup, { assignments, sides: {} });
  return placed;
}
