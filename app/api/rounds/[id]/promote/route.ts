import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { clientAddressOf } from '@/lib/server/client-address';
import { limitRequest } from '@/lib/server/rate-limits';
import { authorizeRound } from '@/lib/server/authz';
import {
  jsonRoute,
  parseInput,
  readJsonBody,
  refuseForeignWrite,
  ZRecordId,
} from '@/lib/server/http';
import { promoteEntry } from '@/lib/server/rounds/promote-entry';

const ZParams = z.object({ id: z.string().min(1).max(64) });
const ZBody = z.object({ entryId: ZRecordId });

/** POST /api/rounds/:id/promote — { entryId }: makes a card of the map from a flow entry, and links the two. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    refuseForeignWrite(request);
    const { id } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    await limitRequest('ops', actor, clientAddressOf(request.headers));
    await authorizeRound(actor, 'round:flow', id);
    const { entryId } = parseInput(ZBody, await readJsonBody(request, 10_000));
    return promoteEntry(actor, id, entryId);
  });
}
