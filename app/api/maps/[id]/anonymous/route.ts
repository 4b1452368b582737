import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { authorizeAnonymity } from '@/lib/server/authz';
import { jsonRoute, parseInput, readJsonBody } from '@/lib/server/http';
import { setAnonymous } from '@/lib/server/maps/anonymous-mode';

const ZParams = z.object({ id: z.string().min(1).max(64) });
const ZBody = z.object({ anonymous: z.boolean() });

/** POST /api/maps/:id/anonymous — { anonymous: true }: a map's teacher makes it anonymous, for good (false is refused, 409). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    // Asked before the body is read.
    const actor = await currentActor();
    await authorizeAnonymity(actor, id);
    const { anonymous } = parseInput(ZBody, await readJsonBody(request, 1_000));
    return setAnonymous(actor, id, anonymous);
  });
}
