import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { jsonRoute, parseInput, readJsonBody } from '@/lib/server/http';
import { applySocialOps, ZApplySocialOpsInput } from '@/lib/server/social/apply-social-ops';
import { getSocialView } from '@/lib/server/social/get-social-view';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** GET /api/maps/:id/social — the comments and the team layers this reader may see. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    return getSocialView(await currentActor(), id);
  });
}

/** POST /api/maps/:id/social — { ops, idempotencyKey }: comments, or one team's notes, all or nothing. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    const input = parseInput(ZApplySocialOpsInput, await readJsonBody(request, 100_000));
    return applySocialOps(await currentActor(), id, input);
  });
}
