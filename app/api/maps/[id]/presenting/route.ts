import { z } from 'zod';
import { ZPresentingInput } from '@/lib/domain/presenting';
import { currentActor } from '@/lib/server/actor';
import { authorizeMap, authorizePresenting } from '@/lib/server/authz';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput, readJsonBody } from '@/lib/server/http';
import { limitRequest } from '@/lib/server/rate-limits';
import { mayPresent, publishPresenting } from '@/lib/server/realtime/presenting';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** GET /api/maps/:id/presenting — { canPresent }: whether this reader may present the map. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    await authorizeMap(actor, 'map:read', id);
    return { canPresent: await mayPresent(actor, id) };
  });
}

/**
 * POST /api/maps/:id/presenting — { clientId, n, active, view, selection, spotlight }:
 * the presenter's view for every reader to follow; never stored.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    // Asked before the body is read: only a presenter's body is read at all.
    const actor = await currentActor();
    await limitRequest('presence', actor, clientAddressOf(request.headers));
    await authorizePresenting(actor, id);
    const input = parseInput(ZPresentingInput, await readJsonBody(request, 2_000));
    await publishPresenting(actor, id, input);
    return { ok: true };
  });
}
