import type { Metadata } from 'next';
import { JoinForm } from '@/components/ui/join-form';
import { signedInOrRedirect } from '@/lib/server/page-loader';
import { joinClassroomAction } from './actions';
import card from '@/components/ui/card-page.module.css';

export const metadata: Metadata = { title: 'Join a classroom' };

export default async function JoinPage() {
  await signedInOrRedirect('/join');
  return (
    <main className={card.form}>
      <h1>Join a classroom</h1>
      <p className={card.lead}>Type the code your teacher gave you.</p>
      <JoinForm action={joinClassroomAction} />
    </main>
  );
}
