import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { clientAddressOf } from '@/lib/server/client-address';
import { limitRequest } from '@/lib/server/rate-limits';
import { authorizeRound } from '@/lib/server/authz';
import { jsonRoute, parseInput, readJsonBody, refuseForeignWrite } from '@/lib/server/http';
import { saveBallot } from '@/lib/server/rounds/ballots';

const ZParams = z.object({ id: z.string().min(1).max(64) });
const ZBody = z.object({ ballot: z.unknown(), release: z.boolean().default(false) });

/** POST /api/rounds/:id/ballot — { ballot, release }: a judge saves their ballot, or releases it to the round. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    refuseForeignWrite(request);
    const { id } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    await limitRequest('ops', actor, clientAddressOf(request.headers));
    await authorizeRound(actor, 'round:judge', id);
    const { ballot, release } = parseInput(ZBody, await readJsonBody(request, 100_000));
    return saveBallot(actor, id, ballot, { release });
  });
}
