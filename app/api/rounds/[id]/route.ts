import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { jsonRoute, parseInput } from '@/lib/server/http';
import { getRoundView } from '@/lib/server/rounds/get-round';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** GET /api/rounds/:id — the round as this reader may see it (shared flow, own team's notes, released ballots). */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    return getRoundView(await currentActor(), id);
  });
}
