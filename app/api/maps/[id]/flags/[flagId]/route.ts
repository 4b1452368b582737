import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { authorizeModerating } from '@/lib/server/authz';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput, readJsonBody, refuseForeignWrite } from '@/lib/server/http';
import { resolveFlag } from '@/lib/server/moderation/flags';
import { limitRequest } from '@/lib/server/rate-limits';

const ZParams = z.object({ id: z.string().min(1).max(64), flagId: z.string().min(1).max(64) });

/** PATCH /api/maps/:id/flags/:flagId — { action: 'dismiss' | 'delete' } (moderators). */
export async function PATCH(
  request: Request,
  context: { params: Promise<{ id: string; flagId: string }> },
) {
  return jsonRoute(async () => {
    refuseForeignWrite(request);
    const { id, flagId } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    await limitRequest('ops', actor, clientAddressOf(request.headers));
    await authorizeModerating(actor, id);
    return resolveFlag(actor, id, flagId, await readJsonBody(request, 2_000));
  });
}
