import type { Metadata } from 'next';
import Link from 'next/link';
import { NewPasswordFields } from '@/components/accounts/new-password-fields';
import { ActionForm } from '@/components/ui/action-form';
import { resetLinkWorks } from '@/lib/server/accounts/password-reset';
import { resetPasswordAction } from './actions';
import card from '@/components/ui/card-page.module.css';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

/** The page a reset mail links to: a new password, if the link still works. */
export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  if (!(await resetLinkWorks(token)))
    return (
      <main className={card.message}>
        <h1>This link no longer works</h1>
        <p>Reset links work once, for an hour. Ask for a new one.</p>
        <div className={card.actions}>
          <Link className="button" href="/forgot-password">
            Ask for a new link
          </Link>
        </div>
      </main>
    );
  return (
    <main className={card.form}>
      <h1>Choose a new password</h1>
      <p className={card.lead}>Every device signed in to your account will be signed out.</p>
      <ActionForm
        action={resetPasswordAction}
        submitLabel="Save new password"
        pendingLabel="Saving…"
        label="Choose a new password"
      >
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields />
      </ActionForm>
    </main>
  );
}
