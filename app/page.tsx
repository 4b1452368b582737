import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentActor, currentUser } from '@/lib/server/actor';
import { listVisibleMaps } from '@/lib/server/maps/list-visible-maps';
import { MapCard, MapList } from '@/components/ui/map-card';
import page from '@/components/ui/page.module.css';
import styles from './page.module.css';

export const dynamic = 'force-dynamic';

export default async function LandingPage() {
  const [maps, user] = await Promise.all([listVisibleMaps(await currentActor()), currentUser()]);
  // Signed in with a one-time password (a sign-in card): their own first.
  if (user?.mustChangePassword) redirect('/change-password');
  return (
    <main className={styles.landing}>
      <section className={styles.hero} aria-labelledby="hero-title">
        <h1 id="hero-title">Prepare a debate by mapping its arguments together</h1>
        <p>
          Counterpoint lets a class build one shared map of a debate — claims, premises, objections,
          rebuttals and evidence, joined by what supports and what attacks what — with every piece
          of evidence tied to the exact passage of the article it quotes. Each team keeps its own
          private notes over the shared map.
        </p>
      </section>
      <ul className={styles.features} aria-label="What you can do">
        <li>
          <strong>Map the clash</strong>
          <span>See where two authors meet head-on, and which reasons hold each claim up.</span>
        </li>
        <li>
          <strong>Quote the source</strong>
          <span>
            Evidence is anchored to its passage; choose a claim and the article scrolls to it.
          </span>
        </li>
        <li>
          <strong>Prepare as a team</strong>
          <span>
            Teams rate, tag and assign claims in a private layer the other side never sees.
          </span>
        </li>
      </ul>
      <section aria-labelledby="maps-title">
        <div className={page.sectionHead}>
          <h2 id="maps-title" className={page.sectionTitle}>
            Maps you can open
          </h2>
          <Link className="button" href={user ? '/maps/new' : '/sign-in?next=/maps/new'}>
            New map
          </Link>
        </div>
        {maps.length === 0 ? (
          <p className={page.emptyState}>
            There are no maps to open yet. The demo debate appears here once the database is seeded.
          </p>
        ) : (
          <MapList>
            {maps.map((map) => (
              <MapCard
                key={map.id}
                href={`/maps/${map.id}`}
                title={map.title}
                motion={map.motion}
                description={map.description}
                stats={
                  <>
                    {map.nodeCount} {map.nodeCount === 1 ? 'node' : 'nodes'} · {map.sourceCount}{' '}
                    {map.sourceCount === 1 ? 'source' : 'sources'}
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
