import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalTime } from '@/components/ui/local-time';
import { currentActor } from '@/lib/server/actor';
import { listMyMaps, type MyMap } from '@/lib/server/maps/list-my-maps';
import { signedInOrRedirect } from '@/lib/server/page-loader';
import { MapCard, MapList } from '@/components/ui/map-card';
import page from '@/components/ui/page.module.css';

export const metadata: Metadata = { title: 'My maps' };
export const dynamic = 'force-dynamic';

function MapCards({ maps, empty }: { maps: MyMap[]; empty: string }) {
  if (maps.length === 0) return <p className={page.emptyState}>{empty}</p>;
  return (
    <MapList>
      {maps.map((map) => (
        <MapCard
          key={map.id}
          href={`/maps/${map.id}`}
          title={map.title}
          motion={map.motion}
          stats={
            <>
              {map.role}
              {map.classroomName && <> · {map.classroomName}</>} · updated{' '}
              <LocalTime value={map.updatedAt} style="date" />
            </>
          }
        />
      ))}
    </MapList>
  );
}

export default async function MyMapsPage() {
  await signedInOrRedirect('/maps');
  const { owned, shared, classrooms } = await listMyMaps(await currentActor());
  return (
    <main className={page.page}>
      <h1 className={page.title}>My maps</h1>
      <section aria-labelledby="owned-title" className={page.section}>
        <div className={page.sectionHead}>
          <h2 id="owned-title" className={page.sectionTitle}>
            Maps I own
          </h2>
          <div className={page.sectionActions}>
            <Link className="button button--quiet" href="/maps/import">
              Import a map
            </Link>
            <Link className="button" href="/maps/new">
              New map
            </Link>
          </div>
        </div>
        <MapCards
          maps={owned}
          empty="You have not made a map yet. Start one from the demo debate or from your own sources."
        />
      </section>
      <section aria-labelledby="shared-title" className={page.section}>
        <h2 id="shared-title" className={page.sectionTitle}>
          Shared with me
        </h2>
        <MapCards
          maps={shared}
          empty="Maps your class or a classmate shares with you appear here."
        />
      </section>
      <section aria-labelledby="classes-title" className={page.section}>
        <div className={page.sectionHead}>
          <h2 id="classes-title" className={page.sectionTitle}>
            My classrooms
          </h2>
          <div className={page.sectionActions}>
            <Link className="button button--quiet" href="/join">
              Join with a code
            </Link>
            <Link className="button" href="/classrooms/new">
              New classroom
            </Link>
          </div>
        </div>
        {classrooms.length === 0 ? (
          <p className={page.emptyState}>
            You are not in a classroom yet. Teachers create one; students join with the code their
            teacher gives them.
          </p>
        ) : (
          <MapList>
            {classrooms.map((c) => (
              <MapCard
                key={c.id}
                href={`/classrooms/${c.id}`}
                title={c.name}
                stats={
                  <>
                    {c.role === 'TEACHER' ? 'You teach this class' : 'You are a student'} ·{' '}
                    {c.studentCount} {c.studentCount === 1 ? 'student' : 'students'}
                  </>
                }
              />
            ))}
          </MapList>
        )}
      </section>
    </main>
  );
}
