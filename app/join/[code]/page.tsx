import type { Metadata } from 'next';
import { JoinForm } from '@/components/ui/join-form';
import { signedInOrRedirect } from '@/lib/server/page-loader';
import { joinClassroomAction } from '../actions';
import card from '@/components/ui/card-page.module.css';

export const metadata: Metadata = { title: 'Join a classroom' };

type Props = { params: Promise<{ code: string }> };

/** A join link: sign in first, then confirm with one button (a link alone never changes anything). */
export default async function JoinLinkPage({ params }: Props) {
  const code = decodeURIComponent((await params).code).slice(0, 32);
  await signedInOrRedirect(`/join/${code}`);
  return (
    <main className={card.form}>
      <h1>Join a classroom</h1>
      <p className={card.lead}>You were given a link to join a class. Check the code and join.</p>
      <JoinForm action={joinClassroomAction} code={code} />
    </main>
  );
}
