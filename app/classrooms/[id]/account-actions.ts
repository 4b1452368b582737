'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { SignInCard } from '@/lib/domain/roster';
import {
  addManagedStudents,
  resetManagedPassword,
  ZRosterInput,
} from '@/lib/server/accounts/managed-students';
import { formAction } from '@/lib/server/form-action';
import { ZRecordId } from '@/lib/server/http';

const ZAddStudentsForm = ZRosterInput.extend({ classroomId: ZRecordId });

/** The teacher adds a roster of students without email; the answer holds their sign-in cards. */
export const addStudentsAction = formAction<typeof ZAddStudentsForm, { cards: SignInCard[] }>(
  ZAddStudentsForm,
  async ({ classroomId, roster }, actor) => {
    const cards = await addManagedStudents(actor, classroomId, { roster });
    revalidatePath(`/classrooms/${classroomId}`);
    return { cards };
  },
);

const ZResetForm = z.object({ classroomId: ZRecordId, userId: ZRecordId });

/** The teacher gives a managed student a new one-time password; the answer is the new card. */
export const resetStudentPasswordAction = formAction<typeof ZResetForm, { card: SignInCard }>(
  ZResetForm,
  async ({ classroomId, userId }, actor) => ({
    card: await resetManagedPassword(actor, classroomId, userId),
  }),
);
