import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { jsonRoute, parseInput } from '@/lib/server/http';
import { readMapRoundList } from '@/lib/server/rounds/list-rounds';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/**
 * GET /api/maps/:id/rounds/list — { seq, rounds }: the map's practice rounds
 * as its rounds page lists them (newest first, released results), for
 * whoever reads the map, and the log position they are as of. The page reads
 * it again when the map's stream brings a round batch.
 */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    return readMapRoundList(await currentActor(), id);
  });
}
