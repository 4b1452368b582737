import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { jsonRoute, parseInput } from '@/lib/server/http';
import { getMapHistory } from '@/lib/server/maps/get-map-history';

const ZParams = z.object({ id: z.string().min(1).max(64) });
const ZQuery = z.object({ before: z.coerce.number().int().positive().nullable().default(null) });

/** GET /api/maps/:id/history?before=SEQ — the timeline of changes, newest first, 50 at a time. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    const { before } = parseInput(ZQuery, {
      before: new URL(request.url).searchParams.get('before'),
    });
    return getMapHistory(await currentActor(), id, before);
  });
}
