import type { Metadata } from 'next';
import { ActionForm } from '@/components/ui/action-form';
import { signedInOrRedirect } from '@/lib/server/page-loader';
import { createClassroomAction } from './actions';
import card from '@/components/ui/card-page.module.css';

export const metadata: Metadata = { title: 'New classroom' };

export default async function NewClassroomPage() {
  await signedInOrRedirect('/classrooms/new');
  return (
    <main className={card.form}>
      <h1>New classroom</h1>
      <p className={card.lead}>
        You get a join code and a join link to give your students. You can then create debate maps
        for the class and split it into teams.
      </p>
      <ActionForm
        action={createClassroomAction}
        submitLabel="Create classroom"
        pendingLabel="Creating…"
      >
        <label className="field">
          <span>Class name</span>
          <input name="name" required maxLength={120} placeholder="Year 11 Politics, period 3" />
        </label>
      </ActionForm>
    </main>
  );
}
