import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NewMapForm } from '@/components/map/new-map-form';
import { currentUser } from '@/lib/server/actor';

export const metadata: Metadata = { title: 'New map' };

export default async function NewMapPage() {
  if (!(await currentUser())) redirect('/sign-in?next=/maps/new');
  return (
    <main className="auth-page auth-page--wide">
      <h1>New map</h1>
      <p className="auth-page__lead">You will own the map and can edit it at once.</p>
      <NewMapForm />
    </main>
  );
}
