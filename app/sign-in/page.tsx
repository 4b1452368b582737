import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth/auth-form';
import { currentUser } from '@/lib/server/actor';
import { oauthProviders } from '@/lib/server/auth';
import { safeNextPath } from '@/lib/util/safe-next-path';
import { signInWithPassword, signInWithProvider } from './actions';
import card from '@/components/ui/card-page.module.css';
import styles from './page.module.css';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ next?: string; reset?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next: nextParam, reset } = await searchParams;
  const next = safeNextPath(nextParam);
  if (await currentUser()) redirect(next);
  const providers = oauthProviders();
  return (
    <main className={card.form}>
      <h1>Sign in</h1>
      <p className={card.lead}>Sign in to edit maps with your class and prepare with your team.</p>
      {reset === 'done' && (
        <p className={styles.notice} role="status">
          Your password has been changed. Sign in with the new one.
        </p>
      )}
      {providers.length > 0 && (
        <form action={signInWithProvider} className={card.providers}>
          <input type="hidden" name="next" value={next} />
          {providers.map((p) => (
            <button
              key={p.id}
              type="submit"
              name="provider"
              value={p.id}
              className="button button--quiet"
            >
              Continue with {p.name}
            </button>
          ))}
        </form>
      )}
      <AuthForm mode="sign-in" action={signInWithPassword} next={next} />
    </main>
  );
}
