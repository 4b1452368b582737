'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { joinClassroom, ZJoinClassroomInput } from '@/lib/server/classrooms/join-classroom';
import { clientAddressOf } from '@/lib/server/client-address';
import { formAction } from '@/lib/server/form-action';

export const joinClassroomAction = formAction(ZJoinClassroomInput, async (input, actor) => {
  const { id } = await joinClassroom(actor, input, {
    address: clientAddressOf(await headers()),
  });
  redirect(`/classrooms/${id}`);
});
