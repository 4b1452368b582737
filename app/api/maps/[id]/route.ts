import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { jsonRoute, parseInput } from '@/lib/server/http';
import { getMapAt } from '@/lib/server/maps/get-map-history';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';

const ZParams = z.object({ id: z.string().min(1).max(64) });
const ZQuery = z.object({ at: z.coerce.number().int().nonnegative().nullable().default(null) });

/** GET /api/maps/:id — the map's snapshot (nodes, edges, sources, teams); `?at=SEQ` gives the map as it was after that change. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    const { at } = parseInput(ZQuery, { at: new URL(request.url).searchParams.get('at') });
    return at === null
      ? getMapSnapshot(await currentActor(), id)
      : getMapAt(await currentActor(), id, at);
  });
}
