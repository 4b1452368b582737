import type { Metadata } from 'next';
import { JoinForm } from '@/components/ui/join-form';
import { signedInOrRedirect } from '@/lib/server/page-loader';
import { joinClassroomAction } from './actions';

export const metadata: Metadata = { title: 'Join a classroom' };

export default async function JoinPage() {
  await signedInOrRedirect('/join');
  return (
    <main className="auth-page">
      <h1>Join a classroom</h1>
      <p className="auth-page__lead">Type the code your teacher gave you.</p>
      <JoinForm action={joinClassroomAction} />
    </main>
  );
}
