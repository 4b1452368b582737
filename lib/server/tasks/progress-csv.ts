import 'server-only';
import { describeQuota } from '../../domain/tasks/quota';
import { toCsv } from '../../util/csv';
import type { Download } from '../http';
import type { Actor } from '../authz';
import { getClassProgress } from './get-progress';

/**
 * The class's progress as a spreadsheet: one row per student, their team,
 * activity, time active in minutes, tasks done, "done/of" for each task,
 * and their feedback with whether it was released.
 */
export async function progressCsv(actor: Actor, mapId: string): Promise<Download> {
  const { map, tasks, students } = await getClassProgress(actor, mapId);
  const header = [
    'Student',
    'Team',
    'Claims',
    'Evidence',
    'Comments',
    'Votes',
    'Minutes active',
    'Tasks done',
    'Tasks set',
    ...tasks.map((t) => `${t.title} (${describeQuota(t.quota)})`),
    'Feedback',
    'Feedback released',
  ];
  const rows = students.map((s) => [
    s.name,
    s.teamName ?? '',
    s.activity.claims,
    s.activity.evidence,
    s.activity.comments,
    s.activity.votes,
    Math.round(s.activity.activeSeconds / 60),
    s.tasksDone,
    s.tasksSet,
    ...tasks.map((t) => {
      const p = s.progress[t.id];
      return p ? `${p.done}/${p.of}` : '';
    }),
    s.feedback?.body ?? '',
    s.feedback?.releasedAt ? s.feedback.releasedAt.toISOString().slice(0, 10) : '',
  ]);
  return {
    fileName: `${map.title} – progress.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: toCsv([header, ...rows]),
  };
}
