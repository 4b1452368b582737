import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { jsonRoute, parseInput } from '@/lib/server/http';
import { roundsOfNodes } from '@/lib/server/rounds/list-rounds';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** GET /api/maps/:id/rounds — for each card of the map, the practice rounds (and speeches) it came up in. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    return roundsOfNodes(await currentActor(), id);
  });
}
