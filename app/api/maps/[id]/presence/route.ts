import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { authorizeMap } from '@/lib/server/authz';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput, readJsonBody } from '@/lib/server/http';
import { limitRequest } from '@/lib/server/rate-limits';
import { publishPresence, ZPresenceInput } from '@/lib/server/realtime/publish-presence';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** POST /api/maps/:id/presence — { clientId, selection, cursor, left }: who is here and where; never stored. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    // Asked before the body is read.
    const actor = await currentActor();
    // Anonymous readers of a public map too, by address.
    await limitRequest('presence', actor, clientAddressOf(request.headers));
    await authorizeMap(actor, 'map:read', id);
    const input = parseInput(ZPresenceInput, await readJsonBody(request, 2_000));
    await publishPresence(actor, id, input);
    return { ok: true };
  });
}
