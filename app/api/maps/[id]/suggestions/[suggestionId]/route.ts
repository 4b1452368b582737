import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { authorizeMap } from '@/lib/server/authz';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput, readJsonBody, refuseForeignWrite } from '@/lib/server/http';
import { decideSuggestion } from '@/lib/server/moderation/decide-suggestion';
import { limitRequest } from '@/lib/server/rate-limits';

const ZParams = z.object({
  id: z.string().min(1).max(64),
  suggestionId: z.string().min(1).max(64),
});

/**
 * PATCH /api/maps/:id/suggestions/:suggestionId — { action: 'approve', text? }
 * | { action: 'decline', reason } (moderators) | { action: 'withdraw' } (its writer).
 */
export async function PATCH(
  request: Request,
  context: { params: Promise<{ id: string; suggestionId: string }> },
) {
  return jsonRoute(async () => {
    refuseForeignWrite(request);
    const { id, suggestionId } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    await limitRequest('ops', actor, clientAddressOf(request.headers));
    await authorizeMap(actor, 'map:read', id);
    return decideSuggestion(actor, id, suggestionId, await readJsonBody(request, 20_000));
  });
}
