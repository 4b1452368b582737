import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { authorizeMap } from '@/lib/server/authz';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput, readJsonBody, refuseForeignWrite } from '@/lib/server/http';
import { flagCard } from '@/lib/server/moderation/flags';
import { limitRequest } from '@/lib/server/rate-limits';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** POST /api/maps/:id/flags — { nodeId, reason? }: flag a card for a moderator (once per card). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    refuseForeignWrite(request);
    const { id } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    await limitRequest('ops', actor, clientAddressOf(request.headers));
    await authorizeMap(actor, 'map:comment', id);
    return flagCard(actor, id, await readJsonBody(request, 2_000));
  });
}
