'use server';

import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/server/actor';
import { joinClassroom, ZJoinClassroomInput } from '@/lib/server/classrooms/join-classroom';
import { formValues, parseForm, runFormAction, type FormState } from '@/lib/server/form-action';

export async function joinClassroomAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ['code']);
  let id = '';
  const state = await runFormAction(async () => {
    id = (await joinClassroom(await currentActor(), parseForm(ZJoinClassroomInput, values))).id;
  }, values);
  if (state.error) return state;
  redirect(`/classrooms/${id}`);
}
