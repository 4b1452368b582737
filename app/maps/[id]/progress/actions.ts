'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/server/form-action';
import { ZRecordId } from '@/lib/server/http';
import { saveFeedback } from '@/lib/server/tasks/feedback';
import { createTask, deleteTask, updateTask } from '@/lib/server/tasks/save-task';

const ZMapForm = z.object({ mapId: ZRecordId });
const ZTaskForm = ZMapForm.extend({ taskId: ZRecordId.optional() });

/** The task form's fields as a task: the quota's pickers become the quota. */
function readTask(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    mapId: text('mapId'),
    taskId: text('taskId') || undefined,
    task: {
      title: text('title'),
      description: text('description'),
      teamId: text('teamId') || null,
      dueOn: text('dueOn') || null,
      quota: {
        count: text('count'),
        kind: text('kind'),
        withEvidence: form.get('withEvidence') === 'on',
        target: text('target'),
      },
    },
  };
}

/** The task itself is checked by the use case's schema (ZTaskInput), which names the field at fault. */
const ZTaskSubmission = ZTaskForm.extend({ task: z.any() });

const done = (mapId: string) => revalidatePath(`/maps/${mapId}/progress`);

export const createTaskAction = formAction(
  ZTaskSubmission,
  async ({ mapId, task }, actor) => {
    await createTask(actor, mapId, task);
    done(mapId);
    return { notice: `Task “${String(task.title).trim()}” set.` };
  },
  { read: readTask },
);

export const updateTaskAction = formAction(
  ZTaskSubmission.extend({ taskId: ZRecordId }),
  async ({ mapId, taskId, task }, actor) => {
    await updateTask(actor, mapId, taskId, task);
    done(mapId);
    return { notice: 'Task saved.' };
  },
  { read: readTask },
);

export const deleteTaskAction = formAction(
  ZMapForm.extend({ taskId: ZRecordId }),
  async ({ mapId, taskId }, actor) => {
    await deleteTask(actor, mapId, taskId);
    done(mapId);
    return { notice: 'Task deleted.' };
  },
);

export const saveFeedbackAction = formAction(
  ZMapForm.extend({
    studentId: ZRecordId,
    body: z.string(),
    release: z.enum(['on']).optional(),
  }),
  async ({ mapId, studentId, body, release }, actor) => {
    const saved = await saveFeedback(actor, mapId, studentId, { body, release: release === 'on' });
    done(mapId);
    return { notice: saved.released ? 'Feedback released.' : 'Feedback saved as a draft.' };
  },
);
