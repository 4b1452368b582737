import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { authorizeMap } from '@/lib/server/authz';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput } from '@/lib/server/http';
import { applyMapOps, readOpsRequest } from '@/lib/server/maps/apply-ops';
import { limitRequest } from '@/lib/server/rate-limits';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/**
 * POST /api/maps/:id/ops — apply a batch of edit ops, all or nothing.
 * Body: { ops: Op[], idempotencyKey?: string }. Answers { seq, duplicate,
 * nodes, edges } after commit, or { error: { code, message, details? } }.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    // Asked before the body is read: a stranger's upload is refused unread.
    const actor = await currentActor();
    await limitRequest('ops', actor, clientAddressOf(request.headers));
    await authorizeMap(actor, 'map:edit', id);
    const input = await readOpsRequest(request);
    return applyMapOps(actor, id, input);
  });
}
