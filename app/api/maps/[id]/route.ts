import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { jsonRoute, parseInput } from '@/lib/server/http';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** GET /api/maps/:id — the map's snapshot (nodes, edges, sources, teams). */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    return getMapSnapshot(await currentActor(), id);
  });
}
