import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { authorizeMap } from '@/lib/server/authz';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput, readJsonBody, refuseForeignWrite } from '@/lib/server/http';
import { limitRequest } from '@/lib/server/rate-limits';
import { getVotes } from '@/lib/server/votes/get-votes';
import { setVote } from '@/lib/server/votes/set-vote';
import { changeVotingSettings } from '@/lib/server/votes/voting-settings';

const ZParams = z.object({ id: z.string().min(1).max(64) });
const MAX_BODY_BYTES = 2_000;

/** GET /api/maps/:id/votes — my votes, the tallies I may see, and (for the owner) per team. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    return getVotes(await currentActor(), id);
  });
}

/** PUT /api/maps/:id/votes — { nodeId, perspective, impact: 0–4 | null }: set or clear my vote. */
export async function PUT(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    refuseForeignWrite(request);
    const { id } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    await limitRequest('ops', actor, clientAddressOf(request.headers));
    await authorizeMap(actor, 'map:vote', id);
    return setVote(actor, id, await readJsonBody(request, MAX_BODY_BYTES));
  });
}

/** PATCH /api/maps/:id/votes — the owner's settings: { blind } | { addPerspective } | { removePerspective }. */
export async function PATCH(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    refuseForeignWrite(request);
    const { id } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    await limitRequest('ops', actor, clientAddressOf(request.headers));
    await authorizeMap(actor, 'map:manage', id);
    return changeVotingSettings(actor, id, await readJsonBody(request, MAX_BODY_BYTES));
  });
}
