import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { MapWorkspace } from '@/components/map/map-workspace';
import { currentActor, currentUser } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { loadOr404 } from '@/lib/server/page-loader';
import { acceptShareLink } from '@/lib/server/share-links/accept-share-link';
import { resolveShareLink, shareLinkActor } from '@/lib/server/share-links/resolve-share-link';
import card from '@/components/ui/card-page.module.css';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ node?: string | string[] }>;
};

/** The link, or null when it no longer admits anyone (garbled, unknown, revoked or expired alike). */
const load = cache(async (token: string) => {
  try {
    return await resolveShareLink(token);
  } catch (error) {
    if (error instanceof AppError && error.code === 'GONE') return null;
    throw error;
  }
});

/** Chat apps show the map's title and motion, which the link admits anyone to read; a dead link shows nothing of the map. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await load((await params).token);
  if (!link) return { title: 'Link no longer valid', robots: { index: false } };
  const description = link.mapMotion
    ? `Motion: ${link.mapMotion} — an argument map on Counterpoint.`
    : 'An argument map on Counterpoint.';
  return {
    title: link.mapTitle,
    description,
    robots: { index: false },
    openGraph: { title: link.mapTitle, description, siteName: 'Counterpoint', type: 'website' },
    twitter: { card: 'summary', title: link.mapTitle, description },
  };
}

export default async function ShareLinkPage({ params, searchParams }: Props) {
  const { token } = await params;
  const node = (await searchParams).node;
  const nodeId = typeof node === 'string' ? node : null;
  const link = await load(token);
  if (!link) {
    return (
      <main className={card.message}>
        <h1>This link is no longer valid</h1>
        <p>
          It may have been revoked or have expired, or it was copied incompletely. Ask the person
          who shared it for a new link.
        </p>
        <Link href="/" className="button">
          Go to Counterpoint
        </Link>
      </main>
    );
  }

  const here = `/s/${encodeURIComponent(token)}${nodeId ? `?node=${encodeURIComponent(nodeId)}` : ''}`;
  const user = await currentUser();
  // A one-time password is replaced first; then the link does what it was for.
  if (user?.mustChangePassword) redirect(`/change-password?next=${encodeURIComponent(here)}`);
  if (user) {
    const { mapId } = await acceptShareLink(await currentActor(), token);
    redirect(`/maps/${mapId}${nodeId ? `?node=${encodeURIComponent(nodeId)}` : ''}`);
  }
  if (link.role !== 'VIEWER') {
    const verb = link.role === 'EDITOR' ? 'edit' : 'comment on';
    return (
      <main className={card.message}>
        <h1>{link.mapTitle}</h1>
        <p>You were invited to {verb} this map. Sign in, or create a free account, to join it.</p>
        <p className={card.actions}>
          <Link href={`/sign-in?next=${encodeURIComponent(here)}`} className="button">
            Sign in
          </Link>
          <Link href={`/sign-up?next=${encodeURIComponent(here)}`} className="button button--quiet">
            Create an account
          </Link>
        </p>
      </main>
    );
  }
  const snapshot = await loadOr404(() => getMapSnapshot(shareLinkActor(link), link.mapId));
  return <MapWorkspace snapshot={snapshot} initialNodeId={nodeId} shareToken={token} />;
}
