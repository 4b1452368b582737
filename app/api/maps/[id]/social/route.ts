import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { authorizeMap } from '@/lib/server/authz';
import { AppError } from '@/lib/server/errors';
import { jsonRoute, parseInput, readJsonBody } from '@/lib/server/http';
import { applySocialOps, ZApplySocialOpsInput } from '@/lib/server/social/apply-social-ops';
import { getSocialView } from '@/lib/server/social/get-social-view';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** GET /api/maps/:id/social[?history=1] — the comments and the team layers this reader may see (and their own undo steps). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    const withHistory = new URL(request.url).searchParams.get('history') === '1';
    return getSocialView(await currentActor(), id, { withHistory });
  });
}

/** POST /api/maps/:id/social — { ops, idempotencyKey }: comments, or one team's notes, all or nothing. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    // Asked before the body is read (reading at least; the ops decide what
    // more they need). Comments and notes have authors: signed in only.
    const actor = await currentActor();
    await authorizeMap(actor, 'map:read', id);
    if (actor.kind !== 'user')
      throw new AppError('UNAUTHENTICATED', 'Sign in to comment or take notes.');
    const input = parseInput(ZApplySocialOpsInput, await readJsonBody(request, 100_000));
    return applySocialOps(actor, id, input);
  });
}
