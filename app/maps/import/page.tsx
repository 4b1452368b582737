import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ImportForm } from '@/components/ui/import-form';
import { currentUser } from '@/lib/server/actor';

export const metadata: Metadata = { title: 'Restore a backup' };

export default async function ImportPage() {
  if (!(await currentUser())) redirect('/sign-in?next=/maps/import');
  return (
    <main className="auth-page">
      <h1>Restore a backup</h1>
      <p className="auth-page__lead">A Counterpoint backup (.json) becomes a new map that you own, with the team notes it carries.</p>
      <ImportForm />
    </main>
  );
}
