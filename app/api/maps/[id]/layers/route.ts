import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { authorizeMap } from '@/lib/server/authz';
import { jsonRoute, parseInput, readJsonBody } from '@/lib/server/http';
import { setLayersRevealed } from '@/lib/server/social/set-layers-revealed';

const ZParams = z.object({ id: z.string().min(1).max(64) });
const ZBody = z.object({ revealed: z.boolean() });

/** POST /api/maps/:id/layers — { revealed }: the owner reveals (or hides again) every team's notes. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    // Asked before the body is read.
    const actor = await currentActor();
    await authorizeMap(actor, 'map:manage', id);
    const { revealed } = parseInput(ZBody, await readJsonBody(request, 1_000));
    await setLayersRevealed(actor, id, revealed);
    return { revealed };
  });
}
