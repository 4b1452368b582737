import { notFound } from 'next/navigation';
import { currentActor } from '@/lib/server/actor';
import { authorizeMap } from '@/lib/server/authz';
import { AppError } from '@/lib/server/errors';

/**
 * Checks access before anything streams, outside loading.tsx's Suspense
 * boundary, so that a missing or hidden map answers with a real 404 status.
 */
export default async function MapLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  try {
    await authorizeMap(await currentActor(), 'map:read', (await params).id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  return children;
}
