'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { z } from 'zod';
import { isEmailLogin } from '@/lib/domain/roster';
import { signUp, ZSignUpInput } from '@/lib/server/accounts/sign-up';
import { signIn, signOut } from '@/lib/server/auth';
import { clientAddressOf } from '@/lib/server/client-address';
import { AppError } from '@/lib/server/errors';
import { formAction } from '@/lib/server/form-action';
import { safeNextPath } from '@/lib/util/safe-next-path';

/** Only same-site paths: a `next` parameter must not send anyone elsewhere. */
const ZNext = z.unknown().transform(safeNextPath);

const ZSignInForm = z.object({ email: z.string(), password: z.string(), next: ZNext });
const ZSignUpForm = ZSignUpInput.extend({ next: ZNext });

/** Signs in and redirects to `next`; a refusal becomes an AppError the form shows. */
async function signInOrExplain(email: string, password: string, next: string): Promise<void> {
  try {
    await signIn('credentials', { email, password, redirectTo: next });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'rate_limited')
      throw new AppError(
        'RATE_LIMITED',
        'Too many sign-in attempts. Wait 15 minutes and try again.',
      );
    if (error instanceof AuthError)
      throw new AppError(
        'UNAUTHENTICATED',
        isEmailLogin(email)
          ? 'That email and password do not match an account.'
          : 'That username and password do not match an account.',
      );
    throw error; // the redirect after a successful sign-in
  }
}

export const signInWithPassword = formAction(ZSignInForm, ({ email, password, next }) =>
  signInOrExplain(email, password, next),
);

/**
 * Creates the account, then signs in with what was typed, whether the email
 * was new or already had an account (then its own password signs in, and any
 * other gets the sign-in's refusal): the answer never says "taken".
 */
export const signUpWithPassword = formAction(ZSignUpForm, async ({ next, ...input }) => {
  await signUp(input, { address: clientAddressOf(await headers()) });
  await signInOrExplain(input.email, input.password, next);
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

const ZProviderForm = z.object({ provider: z.enum(['github', 'google']), next: ZNext });

/** The OAuth buttons: a plain form action (nothing to show on the page; Auth.js redirects). */
export async function signInWithProvider(form: FormData): Promise<void> {
  const parsed = ZProviderForm.safeParse(Object.fromEntries(form));
  if (parsed.success) await signIn(parsed.data.provider, { redirectTo: parsed.data.next });
}
