import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalTime } from '@/components/ui/local-time';
import { currentActor } from '@/lib/server/actor';
import { listMyMaps, type MyMap } from '@/lib/server/maps/list-my-maps';
import { signedInOrRedirect } from '@/lib/server/page-loader';

export const metadata: Metadata = { title: 'My maps' };
export const dynamic = 'force-dynamic';

function MapCards({ maps, empty }: { maps: MyMap[]; empty: string }) {
  if (maps.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <ul className="map-list">
      {maps.map((map) => (
        <li key={map.id}>
          <Link className="map-card" href={`/maps/${map.id}`}>
            <h3>{map.title}</h3>
            <p className="map-card__motion">{map.motion}</p>
            <p className="map-card__stats">
              {map.role}
              {map.classroomName && <> · {map.classroomName}</>} · updated{' '}
              <LocalTime value={map.updatedAt} style="date" />
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function MyMapsPage() {
  await signedInOrRedirect('/maps');
  const { owned, shared, classrooms } = await listMyMaps(await currentActor());
  return (
    <main className="page">
      <h1 className="page__title">My maps</h1>
      <section aria-labelledby="owned-title" className="page__section">
        <div className="section-head">
          <h2 id="owned-title" className="section-title">
            Maps I own
          </h2>
          <div className="section-head__actions">
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
      <section aria-labelledby="shared-title" className="page__section">
        <h2 id="shared-title" className="section-title">
          Shared with me
        </h2>
        <MapCards
          maps={shared}
          empty="Maps your class or a classmate shares with you appear here."
        />
      </section>
      <section aria-labelledby="classes-title" className="page__section">
        <div className="section-head">
          <h2 id="classes-title" className="section-title">
            My classrooms
          </h2>
          <div className="section-head__actions">
            <Link className="button button--quiet" href="/join">
              Join with a code
            </Link>
            <Link className="button" href="/classrooms/new">
              New classroom
            </Link>
          </div>
        </div>
        {classrooms.length === 0 ? (
          <p className="empty-state">
            You are not in a classroom yet. Teachers create one; students join with the code their
            teacher gives them.
          </p>
        ) : (
          <ul className="map-list">
            {classrooms.map((c) => (
              <li key={c.id}>
                <Link className="map-card" href={`/classrooms/${c.id}`}>
                  <h3>{c.name}</h3>
                  <p className="map-card__stats">
                    {c.role === 'TEACHER' ? 'You teach this class' : 'You are a student'} ·{' '}
                    {c.studentCount} {c.studentCount === 1 ? 'student' : 'students'}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
