'use server';

import { headers } from 'next/headers';
import { requestPasswordReset, ZForgotPasswordInput } from '@/lib/server/accounts/password-reset';
import { clientAddressOf } from '@/lib/server/client-address';
import { formAction } from '@/lib/server/form-action';

/** The same answer whether or not the email has an account. */
export const forgotPasswordAction = formAction(ZForgotPasswordInput, async (input) => {
  await requestPasswordReset(input, { address: clientAddressOf(await headers()) });
  return {
    notice:
      'If an account has that email, a link to choose a new password is on its way. It works for an hour; check your spam folder too.',
  };
});
