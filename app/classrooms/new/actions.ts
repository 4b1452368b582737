'use server';

import { redirect } from 'next/navigation';
import { createClassroom, ZCreateClassroomInput } from '@/lib/server/classrooms/create-classroom';
import { formAction } from '@/lib/server/form-action';

export const createClassroomAction = formAction(ZCreateClassroomInput, async (input, actor) => {
  const { id } = await createClassroom(actor, input);
  redirect(`/classrooms/${id}`);
});
