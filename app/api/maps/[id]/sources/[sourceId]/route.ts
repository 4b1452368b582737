import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { jsonRoute, parseInput, readJsonBody, refuseForeignWrite } from '@/lib/server/http';
import { updateSourceDetails } from '@/lib/server/sources/add-source';
import { removeSource } from '@/lib/server/sources/remove-source';

const ZParams = z.object({ id: z.string().min(1).max(64), sourceId: z.string().min(1).max(64) });

/** PATCH /api/maps/:id/sources/:sourceId — a source's details (title, authors, dates…); its text never changes. */
export async function PATCH(
  request: Request,
  context: { params: Promise<{ id: string; sourceId: string }> },
) {
  return jsonRoute(async () => {
    const { id, sourceId } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    return updateSourceDetails(actor, id, sourceId, await readJsonBody(request, 20_000));
  });
}

/**
 * DELETE /api/maps/:id/sources/:sourceId — removes a source added by mistake.
 * Answers { seq }; 409 naming the cards (`details.cards`) while live cards quote it.
 */
export async function DELETE(
  request: Request,
  context: { params: Promise<{ id: string; sourceId: string }> },
) {
  return jsonRoute(async () => {
    // As every write: not from another site, and not as a form could send it.
    refuseForeignWrite(request);
    const { id, sourceId } = parseInput(ZParams, await context.params);
    return removeSource(await currentActor(), id, sourceId);
  });
}
