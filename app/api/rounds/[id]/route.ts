import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput, readJsonBody, refuseForeignWrite } from '@/lib/server/http';
import { limitRequest } from '@/lib/server/rate-limits';
import { editRound, type TEditRoundInput } from '@/lib/server/rounds/edit-round';
import { getRoundView } from '@/lib/server/rounds/get-round';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** GET /api/rounds/:id — the round as this reader may see it (shared flow, own team's notes, released ballots). */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    return getRoundView(await currentActor(), id);
  });
}

/**
 * PATCH /api/rounds/:id — { motion, seats, judges, chairId, version }: the
 * round's managers correct its line-up (editRound says what may change once
 * a ballot is released); answers the round as they now see it. `version` is
 * required: the `lineUp.version` of the round as the caller last read it
 * (GET above). If someone else corrected the round since, the answer is
 * 409 STALE_VERSION and nothing is written: read it again and decide.
 */
export async function PATCH(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    refuseForeignWrite(request);
    const { id } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    await limitRequest('ops', actor, clientAddressOf(request.headers));
    await editRound(actor, id, (await readJsonBody(request, 20_000)) as TEditRoundInput);
    return getRoundView(actor, id);
  });
}
