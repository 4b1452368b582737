'use server';

import { revalidatePath } from 'next/cache';
import { updateProfile, ZUpdateProfileInput } from '@/lib/server/accounts/update-profile';
import { signOut } from '@/lib/server/auth';
import { formAction } from '@/lib/server/form-action';
import { deleteAccount, ZDeleteAccountInput } from '@/lib/server/privacy/delete-account';

export const updateProfileAction = formAction(ZUpdateProfileInput, async (input, actor) => {
  await updateProfile(actor, input);
  revalidatePath('/', 'layout');
  return { notice: 'Your profile is saved.' };
});

/** Deletes the account once its email is typed, then signs this browser out (the others are already). */
export const deleteAccountAction = formAction(ZDeleteAccountInput, async (input, actor) => {
  await deleteAccount(actor, input);
  await signOut({ redirectTo: '/' });
});
