import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { authorizeRound } from '@/lib/server/authz';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput, readJsonBody, refuseForeignWrite } from '@/lib/server/http';
import { limitRequest } from '@/lib/server/rate-limits';
import { applyRoundOps, ZApplyRoundOpsInput } from '@/lib/server/rounds/apply-round-ops';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** POST /api/rounds/:id/ops — { ops, idempotencyKey }: flow entries or clock commands, all or nothing. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    refuseForeignWrite(request);
    const { id } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    await limitRequest('ops', actor, clientAddressOf(request.headers));
    await authorizeRound(actor, 'round:read', id);
    const input = parseInput(ZApplyRoundOpsInput, await readJsonBody(request, 100_000));
    return applyRoundOps(actor, id, input);
  });
}
