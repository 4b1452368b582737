'use server';

import { redirect } from 'next/navigation';
import { joinClassroom, ZJoinClassroomInput } from '@/lib/server/classrooms/join-classroom';
import { formAction } from '@/lib/server/form-action';

export const joinClassroomAction = formAction(ZJoinClassroomInput, async (input, actor) => {
  const { id } = await joinClassroom(actor, input);
  redirect(`/classrooms/${id}`);
});
