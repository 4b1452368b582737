'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ZNewPasswordInput } from '@/lib/server/accounts/change-password';
import { resetPasswordWithToken } from '@/lib/server/accounts/password-reset';
import { formAction } from '@/lib/server/form-action';

const ZResetForm = ZNewPasswordInput.extend({ token: z.string().max(100) });

/** Sets the new password with the mailed link's token, then sends the person to sign in with it. */
export const resetPasswordAction = formAction(ZResetForm, async ({ token, ...input }) => {
  await resetPasswordWithToken(token, input);
  redirect('/sign-in?reset=done');
});
