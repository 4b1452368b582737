import type { Metadata } from 'next';
import Link from 'next/link';
import { FeedbackForms } from '@/components/tasks/feedback-forms';
import { ProgressTable } from '@/components/tasks/progress-table';
import { TaskFields, NEW_TASK } from '@/components/tasks/task-fields';
import { TaskList } from '@/components/tasks/task-list';
import { ActionForm } from '@/components/ui/action-form';
import { BackIcon } from '@/components/ui/icons';
import { currentActor } from '@/lib/server/actor';
import { loadOr404, signedInOrRedirect } from '@/lib/server/page-loader';
import { getClassProgress } from '@/lib/server/tasks/get-progress';
import {
  createTaskAction,
  deleteTaskAction,
  saveFeedbackAction,
  updateTaskAction,
} from './actions';
import page from '@/components/ui/page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Tasks and progress' };

type Props = { params: Promise<{ id: string }> };

/** The teacher's page of a map: set tasks, see each student's progress and activity, write feedback. */
export default async function ProgressPage({ params }: Props) {
  const { id } = await params;
  await signedInOrRedirect(`/maps/${id}/progress`);
  const { map, teams, tasks, students } = await loadOr404(async () =>
    getClassProgress(await currentActor(), id),
  );
  const doneBy = Object.fromEntries(
    tasks.map((t) => {
      const theirs = students.filter((s) => s.progress[t.id]);
      return [
        t.id,
        { done: theirs.filter((s) => s.progress[t.id]!.complete).length, of: theirs.length },
      ];
    }),
  );
  return (
    <main className={page.page}>
      <Link href={`/maps/${map.id}`} className={page.back}>
        <BackIcon /> Back to the map
      </Link>
      <h1 className={page.title}>Tasks and progress for “{map.title}”</h1>
      <p className={page.lead}>
        Students see their tasks on the map under “Tasks”, with how far they are. Progress is
        counted from the map as it stands: a card deleted stops counting.
      </p>

      <section aria-labelledby="set-task-title" className={page.panel}>
        <h2 id="set-task-title" className={page.sectionTitle}>
          Set a task
        </h2>
        <ActionForm
          action={createTaskAction}
          submitLabel="Set task"
          pendingLabel="Setting…"
          label="Set a task"
        >
          <input type="hidden" name="mapId" value={map.id} />
          <TaskFields teams={teams} task={NEW_TASK} idPrefix="new" />
        </ActionForm>
      </section>

      <section aria-labelledby="tasks-title" className={page.section}>
        <h2 id="tasks-title" className={page.sectionTitle}>
          Tasks
        </h2>
        {tasks.length === 0 ? (
          <p className={page.emptyState}>No tasks yet.</p>
        ) : (
          <TaskList
            mapId={map.id}
            tasks={tasks}
            teams={teams}
            doneBy={doneBy}
            update={updateTaskAction}
            remove={deleteTaskAction}
          />
        )}
      </section>

      <section aria-labelledby="students-title" className={page.section}>
        <div className={page.sectionHead}>
          <h2 id="students-title" className={page.sectionTitle}>
            Students
          </h2>
          {students.length > 0 && (
            <a
              href={`/api/maps/${encodeURIComponent(map.id)}/progress.csv`}
              className="button button--quiet"
              download
            >
              Download CSV
            </a>
          )}
        </div>
        {students.length === 0 ? (
          <p className={page.emptyState}>No students on this map yet.</p>
        ) : (
          <ProgressTable students={students} tasks={tasks} />
        )}
        <p className="field__hint">
          Claims are the cards a student added other than evidence; comments, their comments and
          replies; votes, their impact votes. Time active adds up the gaps of under five minutes
          between their changes, and one minute for each stretch of work.
        </p>
      </section>

      {students.length > 0 && (
        <section aria-labelledby="feedback-title" className={page.section}>
          <h2 id="feedback-title" className={page.sectionTitle}>
            Feedback
          </h2>
          <p className={page.lead}>
            A draft stays with the teachers; a student reads their own feedback on the map once you
            release it, and never anyone else’s.
          </p>
          <FeedbackForms mapId={map.id} students={students} action={saveFeedbackAction} />
        </section>
      )}
    </main>
  );
}
