'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn, signOut } from '@/lib/server/auth';
import { signUp, ZSignUpInput } from '@/lib/server/accounts/sign-up';
import { AppError } from '@/lib/server/errors';

export type AuthFormState = {
  error?: string;
  field?: 'name' | 'email' | 'password';
  email?: string;
  name?: string;
};

/** Only same-site paths: a `next` parameter must not send anyone elsewhere. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === 'string' ? value : '';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

async function signInOrExplain(
  email: string,
  password: string,
  next: string,
): Promise<AuthFormState> {
  try {
    await signIn('credentials', { email, password, redirectTo: next });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'rate_limited') {
      return { error: 'Too many sign-in attempts. Wait 15 minutes and try again.', email };
    }
    if (error instanceof AuthError)
      return { error: 'That email and password do not match an account.', email };
    throw error; // the redirect after a successful sign-in
  }
  return {};
}

export async function signInWithPassword(
  _previous: AuthFormState,
  form: FormData,
): Promise<AuthFormState> {
  return signInOrExplain(
    String(form.get('email') ?? ''),
    String(form.get('password') ?? ''),
    safeNext(form.get('next')),
  );
}

export async function signUpWithPassword(
  _previous: AuthFormState,
  form: FormData,
): Promise<AuthFormState> {
  const raw = {
    name: String(form.get('name') ?? ''),
    email: String(form.get('email') ?? ''),
    password: String(form.get('password') ?? ''),
  };
  const parsed = ZSignUpInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      error: issue.message,
      field: issue.path[0] as AuthFormState['field'],
      email: raw.email,
      name: raw.name,
    };
  }
  try {
    await signUp(parsed.data);
  } catch (error) {
    if (error instanceof AppError) {
      const field = (error.details as { field?: AuthFormState['field'] } | undefined)?.field;
      return { error: error.message, field, email: raw.email, name: raw.name };
    }
    throw error;
  }
  return signInOrExplain(parsed.data.email, raw.password, safeNext(form.get('next')));
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

export async function signInWithProvider(form: FormData): Promise<void> {
  const provider = String(form.get('provider'));
  if (provider !== 'github' && provider !== 'google') return;
  await signIn(provider, { redirectTo: safeNext(form.get('next')) });
}
