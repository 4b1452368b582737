'use server';

import { revalidatePath } from 'next/cache';
import { updateProfile, ZUpdateProfileInput } from '@/lib/server/accounts/update-profile';
import { formAction } from '@/lib/server/form-action';

export const updateProfileAction = formAction(ZUpdateProfileInput, async (input, actor) => {
  await updateProfile(actor, input);
  revalidatePath('/', 'layout');
  return { notice: 'Your profile is saved.' };
});
