'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { removeStudent } from '@/lib/server/classrooms/remove-student';
import { parseForm, runFormAction, type FormState } from '@/lib/server/form-action';

const ZRemove = z.object({
  classroomId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
});

export async function removeStudentAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const { classroomId, userId } = parseForm(ZRemove, {
      classroomId: form.get('classroomId'),
      userId: form.get('userId'),
    });
    await removeStudent(await currentActor(), classroomId, userId);
    revalidatePath(`/classrooms/${classroomId}`);
  });
}
