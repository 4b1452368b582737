import 'server-only';
import type { Progress } from '../../domain/tasks/quota';
import { authorizeTeaching, type Actor } from '../authz';
import { db } from '../db';
import { activityOnMap, NO_ACTIVITY, type Activity } from './activity';
import { countingGraph, loadTasks, studentProgress, taskIsFor, type TaskView } from './progress';
import { mapStudents, type RosterStudent } from './roster';

type StudentRow = RosterStudent & {
  activity: Activity;
  /** Progress with each task, by task id; a task that is not theirs is absent. */
  progress: Record<string, Progress>;
  tasksSet: number;
  tasksDone: number;
  feedback: { body: string; releasedAt: Date | null; updatedAt: Date } | null;
};

export type ClassProgress = {
  map: { id: string; title: string };
  teams: { id: string; name: string }[];
  tasks: TaskView[];
  students: StudentRow[];
};

/**
 * The teacher's view of a map: its tasks, and for each student their
 * progress with every task of theirs, their activity from the op log and
 * the feedback written to them. A handful of queries for the whole class.
 */
export async function getClassProgress(actor: Actor, mapId: string): Promise<ClassProgress> {
  await authorizeTeaching(actor, mapId);
  const map = await db().argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: {
      id: true,
      title: true,
      teams: { orderBy: { createdAt: 'asc' }, select: { id: true, name: true } },
      feedback: { select: { studentId: true, body: true, releasedAt: true, updatedAt: true } },
    },
  });
  const students = await mapStudents(mapId);
  const tasks = await loadTasks(mapId);
  const graph = await countingGraph(mapId);
  const activity = await activityOnMap(mapId);
  const feedback = new Map(map.feedback.map(({ studentId, ...f }) => [studentId, f]));
  return {
    map: { id: map.id, title: map.title },
    teams: map.teams,
    tasks,
    students: students.map((student) => {
      const progress: Record<string, Progress> = {};
      for (const task of tasks.filter((t) => taskIsFor(t, student)))
        progress[task.id] = studentProgress(graph, task, student);
      const all = Object.values(progress);
      return {
        ...student,
        activity: activity.get(student.id) ?? NO_ACTIVITY,
        progress,
        tasksSet: all.length,
        tasksDone: all.filter((p) => p.complete).length,
        feedback: feedback.get(student.id) ?? null,
      };
    }),
  };
}
