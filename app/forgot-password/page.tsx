import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { emailResetAvailable } from '@/lib/server/accounts/password-reset';
import { forgotPasswordAction } from './actions';
import card from '@/components/ui/card-page.module.css';

export const metadata: Metadata = { title: 'Forgot your password?' };
export const dynamic = 'force-dynamic';

export default function ForgotPasswordPage() {
  const available = emailResetAvailable();
  return (
    <main className={card.form}>
      <h1>Forgot your password?</h1>
      {available ? (
        <>
          <p className={card.lead}>
            Type the email you sign in with and we will mail you a link to choose a new password. If
            you sign in with a username from a card, ask your teacher for a new card.
          </p>
          <ActionForm
            action={forgotPasswordAction}
            submitLabel="Email me a link"
            pendingLabel="Sending…"
            label="Reset your password by email"
          >
            <label className="field">
              <span>Email</span>
              <input name="email" type="email" autoComplete="email" required />
            </label>
          </ActionForm>
        </>
      ) : (
        <p className={card.lead}>
          Password reset by email is not set up on this server. Ask your teacher to reset your
          password.
        </p>
      )}
      <p>
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </main>
  );
}
