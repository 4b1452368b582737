import type { Metadata } from 'next';
import Link from 'next/link';
import { NewRoundForm } from '@/components/rounds/new-round-form';
import { LiveRoundList } from '@/components/rounds/live-round-list';
import { BackIcon } from '@/components/ui/icons';
import { currentActor } from '@/lib/server/actor';
import { loadOr404, signedInOrRedirect } from '@/lib/server/page-loader';
import { getRoundSetup } from '@/lib/server/rounds/get-round-setup';
import { createRoundAction } from './actions';
import page from '@/components/ui/page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Practice rounds' };

type Props = { params: Promise<{ id: string }> };

export default async function RoundsPage({ params }: Props) {
  const { id } = await params;
  await signedInOrRedirect(`/maps/${id}/rounds`);
  const setup = await loadOr404(async () => getRoundSetup(await currentActor(), id));
  const { map } = setup;
  return (
    <main className={page.page}>
      <Link href={`/maps/${map.id}`} className={page.back}>
        <BackIcon /> Back to the map
      </Link>
      <h1 className={page.title}>Practice rounds on “{map.title}”</h1>
      <p className={page.lead}>
        A round is fought speech by speech: teams and judges flow it together, the chair runs the
        clocks, and each judge gives a ballot when the round is over.
      </p>
      <section aria-labelledby="rounds-title" className={page.section}>
        <h2 id="rounds-title" className={page.sectionTitle}>
          Rounds
        </h2>
        <LiveRoundList
          mapId={map.id}
          initial={{ seq: setup.seq, rounds: setup.rounds }}
          manage={setup.manage}
        />
      </section>
      {setup.manage && (
        <section aria-labelledby="new-round-title" className={page.panel}>
          <h2 id="new-round-title" className={page.sectionTitle}>
            New round
          </h2>
          <NewRoundForm
            mapId={map.id}
            motion={map.motion}
            formats={setup.formats}
            teams={setup.teams}
            people={setup.people}
            action={createRoundAction}
          />
        </section>
      )}
    </main>
  );
}
