import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { MapWorkspace } from '@/components/map/map-workspace';
import { ProjectorFrame } from '@/components/map/presenting/projector-frame';
import { projectorToken } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { loadOr404 } from '@/lib/server/page-loader';
import { resolveShareLink, shareLinkActor } from '@/lib/server/share-links/resolve-share-link';
import card from '@/components/ui/card-page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Projector', robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

const load = cache(async (token: string) => {
  try {
    return await resolveShareLink(token);
  } catch (error) {
    if (error instanceof AppError && error.code === 'GONE') return null;
    throw error;
  }
});

/**
 * A projector link: a view link's map full screen in presentation style,
 * read-only, following whoever presents it. The map is read as the link
 * sees it (a view link: nothing can be changed, whoever is signed in on the
 * classroom computer), and the link is never accepted as a membership.
 */
export default async function ProjectorPage({ params }: Props) {
  const { token } = await params;
  const link = await load(token);
  if (!link || link.role !== 'VIEWER') {
    return (
      <main className={card.message}>
        <h1>{link ? 'Not a projector link' : 'This link is no longer valid'}</h1>
        <p>
          {link
            ? 'Only a view link opens on a projector. Make one on the map’s share page.'
            : 'It may have been revoked or have expired, or it was copied incompletely. Ask the person who shared it for a new link.'}
        </p>
        <Link href="/" className="button">
          Go to Counterpoint
        </Link>
      </main>
    );
  }
  const snapshot = await loadOr404(() => getMapSnapshot(shareLinkActor(link), link.mapId));
  return (
    <ProjectorFrame title={snapshot.title} motion={snapshot.motion}>
      <MapWorkspace snapshot={snapshot} initialNodeId={null} shareToken={projectorToken(token)} />
    </ProjectorFrame>
  );
}
