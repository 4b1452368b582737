'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { removeStudent } from '@/lib/server/classrooms/remove-student';
import { formAction } from '@/lib/server/form-action';
import { ZRecordId } from '@/lib/server/http';

const ZRemoveStudentForm = z.object({ classroomId: ZRecordId, userId: ZRecordId });

export const removeStudentAction = formAction(
  ZRemoveStudentForm,
  async ({ classroomId, userId }, actor) => {
    await removeStudent(actor, classroomId, userId);
    revalidatePath(`/classrooms/${classroomId}`);
  },
);
