import 'server-only';
import {
  countingCards,
  progressOf,
  ZQuota,
  type CountedEdge,
  type CountedNode,
  type Progress,
  type Quota,
} from '../../domain/tasks/quota';
import { db } from '../db';

/** A task as pages and the CSV show it. */
export type TaskView = {
  id: string;
  title: string;
  description: string;
  teamId: string | null;
  teamName: string | null;
  /** The day it is due, `YYYY-MM-DD` (a calendar date, the same for every reader). */
  dueOn: string | null;
  quota: Quota;
  createdAt: Date;
};

/** A map's tasks, oldest first. */
export async function loadTasks(mapId: string, teamIds?: string[]): Promise<TaskView[]> {
  const rows = await db().mapTask.findMany({
    where: {
      mapId,
      ...(teamIds && { OR: [{ teamId: null }, { teamId: { in: teamIds } }] }),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      title: true,
      description: true,
      teamId: true,
      team: { select: { name: true } },
      dueAt: true,
      quota: true,
      createdAt: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    teamId: row.teamId,
    teamName: row.team?.name ?? null,
    dueOn: row.dueAt ? row.dueAt.toISOString().slice(0, 10) : null,
    quota: ZQuota.parse(row.quota),
    createdAt: row.createdAt,
  }));
}

/**
 * The map's live cards and connections, as the counting reads them: one
 * query each, whatever the number of students and tasks.
 */
export async function countingGraph(
  mapId: string,
): Promise<{ nodes: CountedNode[]; edges: CountedEdge[] }> {
  const nodes = await db().node.findMany({
    where: { mapId, deletedAt: null },
    select: { id: true, kind: true, side: true, createdById: true, createdAt: true },
  });
  const edges = await db().edge.findMany({
    where: { mapId, deletedAt: null },
    select: { fromId: true, toId: true, relation: true },
  });
  return { nodes, edges };
}

/** Whether a task is one of this student's: the whole class's, or their team's. */
export const taskIsFor = (task: TaskView, student: { teamIds: string[] }) =>
  task.teamId === null || student.teamIds.includes(task.teamId);

/** One student's progress with one task. */
export function studentProgress(
  graph: { nodes: CountedNode[]; edges: CountedEdge[] },
  task: TaskView,
  student: { id: string; side: CountedNode['side'] | null },
): Progress {
  return progressOf(countingCards(graph, task.quota, student, task.createdAt).length, task.quota);
}
