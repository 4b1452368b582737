import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { MapWorkspace } from '@/components/map/map-workspace';
import { currentActor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ node?: string | string[] }>;
};

/** One snapshot per request, shared by the page and its metadata. */
const loadSnapshot = cache(async (id: string) => {
  try {
    return await getMapSnapshot(await currentActor(), id, { withHistory: true });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const snapshot = await loadSnapshot((await params).id);
  const description = `Motion: ${snapshot.motion} — an argument map on Counterpoint.`;
  return {
    title: snapshot.title,
    description,
    openGraph: { title: snapshot.title, description, siteName: 'Counterpoint', type: 'website' },
    twitter: { card: 'summary', title: snapshot.title, description },
  };
}

export default async function MapPage({ params, searchParams }: Props) {
  const snapshot = await loadSnapshot((await params).id);
  const node = (await searchParams).node;
  return (
    <MapWorkspace snapshot={snapshot} initialNodeId={typeof node === 'string' ? node : null} />
  );
}
