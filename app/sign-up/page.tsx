import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth/auth-form';
import { currentUser } from '@/lib/server/actor';
import { safeNextPath } from '@/lib/util/safe-next-path';
import { signUpWithPassword } from '../sign-in/actions';
import card from '@/components/ui/card-page.module.css';

export const metadata: Metadata = { title: 'Create an account' };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <main className={card.form}>
      <h1>Create your account</h1>
      <p className={card.lead}>
        Teachers make classes and maps; students join with their class code.
      </p>
      <AuthForm mode="sign-up" action={signUpWithPassword} next={next} />
      <footer className="field__hint">
        <Link href="/privacy">What we keep about you, and how to delete it</Link>
      </footer>
    </main>
  );
}
