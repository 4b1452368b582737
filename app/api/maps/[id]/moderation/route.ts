import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { authorizeModerationSettings } from '@/lib/server/authz';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput, readJsonBody, refuseForeignWrite } from '@/lib/server/http';
import { getModeration } from '@/lib/server/moderation/get-moderation';
import { changeModerationSettings } from '@/lib/server/moderation/moderation-settings';
import { limitRequest } from '@/lib/server/rate-limits';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** GET /api/maps/:id/moderation — the mode, my standing, the queue (moderators), my suggestions and flags. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    return getModeration(await currentActor(), id);
  });
}

/** PATCH /api/maps/:id/moderation — { requireApproval } | { addModerator } | { removeModerator } (managers). */
export async function PATCH(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    refuseForeignWrite(request);
    const { id } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    await limitRequest('ops', actor, clientAddressOf(request.headers));
    await authorizeModerationSettings(actor, id);
    return changeModerationSettings(actor, id, await readJsonBody(request, 2_000));
  });
}
