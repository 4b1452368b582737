import type { Metadata } from 'next';
import { NewMapForm } from '@/components/map/new-map-form';
import { currentActor } from '@/lib/server/actor';
import { listTaughtClassrooms } from '@/lib/server/classrooms/list-taught-classrooms';
import { signedInOrRedirect } from '@/lib/server/page-loader';
import card from '@/components/ui/card-page.module.css';

export const metadata: Metadata = { title: 'New map' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ classroom?: string }> };

export default async function NewMapPage({ searchParams }: Props) {
  await signedInOrRedirect('/maps/new');
  const classrooms = await listTaughtClassrooms(await currentActor());
  const wanted = (await searchParams).classroom;
  const classroomId = classrooms.some((c) => c.id === wanted) ? wanted! : null;
  return (
    <main className={`${card.form} ${card.wide}`}>
      <h1>New map</h1>
      <p className={card.lead}>You will own the map and can edit it at once.</p>
      <NewMapForm classrooms={classrooms} classroomId={classroomId} />
    </main>
  );
}
