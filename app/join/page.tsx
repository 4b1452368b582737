import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { JoinForm } from '@/components/ui/join-form';
import { currentUser } from '@/lib/server/actor';
import { joinClassroomAction } from './actions';

export const metadata: Metadata = { title: 'Join a classroom' };

export default async function JoinPage() {
  if (!(await currentUser())) redirect('/sign-in?next=/join');
  return (
    <main className="auth-page">
      <h1>Join a classroom</h1>
      <p className="auth-page__lead">Type the code your teacher gave you.</p>
      <JoinForm action={joinClassroomAction} />
    </main>
  );
}
