import { currentActor } from '@/lib/server/actor';
import { authorizeMap } from '@/lib/server/authz';
import { loadOr404 } from '@/lib/server/page-loader';

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
  const { id } = await params;
  await loadOr404(async () => authorizeMap(await currentActor(), 'map:read', id));
  return children;
}
