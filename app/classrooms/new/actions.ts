'use server';

import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/server/actor';
import { createClassroom, ZCreateClassroomInput } from '@/lib/server/classrooms/create-classroom';
import { formValues, parseForm, runFormAction, type FormState } from '@/lib/server/form-action';

export async function createClassroomAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ['name']);
  let id = '';
  const state = await runFormAction(async () => {
    id = (await createClassroom(await currentActor(), parseForm(ZCreateClassroomInput, values))).id;
  }, values);
  if (state.error) return state;
  redirect(`/classrooms/${id}`);
}
