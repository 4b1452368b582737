import type { Metadata } from 'next';
import { cache } from 'react';
import { MapWorkspace } from '@/components/map/map-workspace';
import { currentActor } from '@/lib/server/actor';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { loadOr404 } from '@/lib/server/page-loader';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ node?: string | string[]; source?: string | string[] }>;
};

/** One snapshot per request, shared by the page and its metadata. */
const loadSnapshot = cache((id: string) =>
  loadOr404(async () => getMapSnapshot(await currentActor(), id, { withHistory: true })),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const snapshot = await loadSnapshot((await params).id);
  const description = snapshot.motion
    ? `Motion: ${snapshot.motion} — an argument map on Counterpoint.`
    : 'An argument map on Counterpoint.';
  return {
    title: snapshot.title,
    description,
    openGraph: { title: snapshot.title, description, siteName: 'Counterpoint', type: 'website' },
    twitter: { card: 'summary', title: snapshot.title, description },
  };
}

export default async function MapPage({ params, searchParams }: Props) {
  const snapshot = await loadSnapshot((await params).id);
  const { node, source } = await searchParams;
  return (
    <MapWorkspace
      snapshot={snapshot}
      initialNodeId={typeof node === 'string' ? node : null}
      initialSourceId={typeof source === 'string' ? source : null}
    />
  );
}
