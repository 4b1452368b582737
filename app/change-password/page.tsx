import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NewPasswordFields } from '@/components/accounts/new-password-fields';
import { ActionForm } from '@/components/ui/action-form';
import { currentUser } from '@/lib/server/actor';
import { safeNextPath } from '@/lib/util/safe-next-path';
import { changePasswordAction } from './actions';
import card from '@/components/ui/card-page.module.css';

export const metadata: Metadata = { title: 'Choose your password' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ next?: string }> };

/** Where someone signed in with a one-time password (a sign-in card) must go first. */
export default async function ChangePasswordPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent('/change-password')}`);
  if (!user.mustChangePassword) redirect(next);
  return (
    <main className={card.form}>
      <h1>Choose your password</h1>
      <p className={card.lead}>
        Welcome{user.name ? `, ${user.name}` : ''}. The password on your card works only once:
        choose your own to carry on.
      </p>
      <ActionForm
        action={changePasswordAction}
        submitLabel="Save password"
        pendingLabel="Saving…"
        label="Choose your password"
      >
        <input type="hidden" name="next" value={next} />
        <NewPasswordFields />
      </ActionForm>
    </main>
  );
}
