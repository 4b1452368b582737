'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/domain/form-state';
import styles from './auth-form.module.css';

type Props = {
  mode: 'sign-in' | 'sign-up';
  action: FormAction;
  next: string;
};

/** The email-and-password form for signing in or creating an account. */
export function AuthForm({ mode, action, next }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const signUp = mode === 'sign-up';
  // An error about no field in particular (a wrong password) marks both.
  const invalid = (field: string) =>
    state.error && (state.field === field || !state.field) ? true : undefined;
  return (
    <form action={formAction} className="form" noValidate={false}>
      <input type="hidden" name="next" value={next} />
      {signUp && (
        <label className="field">
          <span>Your name</span>
          <input
            name="name"
            autoComplete="name"
            required
            maxLength={80}
            defaultValue={state.values?.name}
            aria-invalid={state.field === 'name' || undefined}
          />
        </label>
      )}
      <label className="field">
        <span>{signUp ? 'Email' : 'Email or username'}</span>
        <input
          name="email"
          type={signUp ? 'email' : 'text'}
          autoComplete={signUp ? 'email' : 'username'}
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={state.values?.email}
          aria-invalid={invalid('email')}
        />
      </label>
      <label className="field">
        <span>Password</span>
        <input
          name="password"
          type="password"
          autoComplete={signUp ? 'new-password' : 'current-password'}
          required
          minLength={signUp ? 10 : undefined}
          aria-invalid={invalid('password')}
          aria-describedby={signUp ? 'password-hint' : undefined}
        />
        {signUp && (
          <small id="password-hint" className="field__hint">
            At least 10 characters. A short sentence is easy to remember and hard to guess.
          </small>
        )}
      </label>
      {state.error && (
        <p className="form__error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="button form__submit" disabled={pending}>
        {pending
          ? signUp
            ? 'Creating your account…'
            : 'Signing in…'
          : signUp
            ? 'Create account'
            : 'Sign in'}
      </button>
      <p className={styles.switch}>
        {signUp ? (
          <>
            Already have an account?{' '}
            <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
          </>
        ) : (
          <>
            <Link href="/forgot-password">Forgot your password?</Link>
            <br />
            New here?{' '}
            <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
          </>
        )}
      </p>
    </form>
  );
}
