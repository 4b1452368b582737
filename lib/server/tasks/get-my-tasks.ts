import 'server-only';
import type { Progress } from '../../domain/tasks/quota';
import { authorizeMap, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { countingGraph, loadTasks, studentProgress, type TaskView } from './progress';

/** What a student sees of their tasks on a map. */
export type MyTasks = {
  tasks: (Omit<TaskView, 'createdAt' | 'teamId'> & { progress: Progress })[];
  /** The teacher's feedback to this reader, once released; never a draft, never another's. */
  feedback: { body: string; releasedAt: string } | null;
};

/**
 * The reader's own tasks on a map (the class's, and their teams'), with
 * their progress counted from the map as it stands, and their released
 * feedback. Anyone who may read the map may ask; each sees only their own.
 */
export async function getMyTasks(actor: Actor, mapId: string): Promise<MyTasks> {
  await authorizeMap(actor, 'map:read', mapId);
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to see your tasks.');
  const userId = actor.userId;
  const teams = await db().teamMember.findMany({
    where: { userId, team: { mapId } },
    orderBy: { createdAt: 'asc' },
    select: { team: { select: { id: true, side: true } } },
  });
  const tasks = await loadTasks(
    mapId,
    teams.map((t) => t.team.id),
  );
  const feedback = await db().studentFeedback.findFirst({
    where: { mapId, studentId: userId, releasedAt: { not: null } },
    select: { body: true, releasedAt: true },
  });
  const graph = tasks.length > 0 ? await countingGraph(mapId) : { nodes: [], edges: [] };
  const student = { id: userId, side: teams[0]?.team.side ?? null };
  return {
    tasks: tasks.map((task) => ({
      id: task.id,
      title: task.title,
      description: task.description,
      teamName: task.teamName,
      dueOn: task.dueOn,
      quota: task.quota,
      progress: studentProgress(graph, task, student),
    })),
    feedback: feedback && { body: feedback.body, releasedAt: feedback.releasedAt!.toISOString() },
  };
}
