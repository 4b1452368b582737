'use server';

import { revalidatePath } from 'next/cache';
import { updateProfile, ZUpdateProfileInput } from '@/lib/server/accounts/update-profile';
import { currentActor } from '@/lib/server/actor';
import { formValues, parseForm, runFormAction, type FormState } from '@/lib/server/form-action';

export async function updateProfileAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ['name', 'avatarColor']);
  return runFormAction(async () => {
    await updateProfile(await currentActor(), parseForm(ZUpdateProfileInput, values));
    revalidatePath('/', 'layout');
    return 'Your profile is saved.';
  }, values);
}
