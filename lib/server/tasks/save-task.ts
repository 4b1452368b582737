import 'server-only';
import { z } from 'zod';
import { ZQuota } from '../../domain/tasks/quota';
import { authorizeTeaching, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { parseInput, ZRecordId } from '../http';

const MAX_TITLE_LENGTH = 120;
const MAX_DESCRIPTION_LENGTH = 2000;

/** A task as the teacher's form sends it. */
const ZTaskInput = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give the task a title')
    .max(MAX_TITLE_LENGTH, `Keep the title under ${MAX_TITLE_LENGTH} characters`),
  description: z
    .string()
    .trim()
    .max(MAX_DESCRIPTION_LENGTH, `Keep the description under ${MAX_DESCRIPTION_LENGTH} characters`)
    .default(''),
  /** A team of the map, or null for the whole class. */
  teamId: ZRecordId.nullable(),
  /** The day it is due, `YYYY-MM-DD`, or null. */
  dueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the due date as a date')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'That is not a date')
    .nullable(),
  quota: ZQuota,
});
export type TaskInput = z.input<typeof ZTaskInput>;

async function checkTeam(mapId: string, teamId: string | null): Promise<void> {
  if (!teamId) return;
  const team = await db().team.findUnique({ where: { id: teamId }, select: { mapId: true } });
  if (team?.mapId !== mapId)
    throw new AppError('VALIDATION_FAILED', 'That team is not on this map.', { field: 'teamId' });
}

const columns = (input: z.output<typeof ZTaskInput>) => ({
  title: input.title,
  description: input.description,
  teamId: input.teamId,
  dueAt: input.dueOn ? new Date(`${input.dueOn}T00:00:00Z`) : null,
  quota: input.quota,
});

/** Sets a task on a map, for the class or one team. */
export async function createTask(
  actor: Actor,
  mapId: string,
  raw: TaskInput,
): Promise<{ id: string }> {
  await authorizeTeaching(actor, mapId);
  const input = parseInput(ZTaskInput, raw);
  await checkTeam(mapId, input.teamId);
  return db().mapTask.create({
    data: {
      mapId,
      ...columns(input),
      createdById: actor.kind === 'user' ? actor.userId : null,
    },
    select: { id: true },
  });
}

async function taskOnMap(mapId: string, taskId: string): Promise<void> {
  const task = await db().mapTask.findUnique({ where: { id: taskId }, select: { mapId: true } });
  if (task?.mapId !== mapId) throw new AppError('NOT_FOUND', 'This task does not exist.');
}

/** Changes a task. Progress follows at once: it is counted, never stored. */
export async function updateTask(
  actor: Actor,
  mapId: string,
  taskId: string,
  raw: TaskInput,
): Promise<void> {
  await authorizeTeaching(actor, mapId);
  const input = parseInput(ZTaskInput, raw);
  await taskOnMap(mapId, taskId);
  await checkTeam(mapId, input.teamId);
  await db().mapTask.update({ where: { id: taskId }, data: columns(input) });
}

export async function deleteTask(actor: Actor, mapId: string, taskId: string): Promise<void> {
  await authorizeTeaching(actor, mapId);
  await taskOnMap(mapId, taskId);
  await db().mapTask.delete({ where: { id: taskId } });
}
