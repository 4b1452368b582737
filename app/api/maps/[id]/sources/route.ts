import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { jsonRoute, parseInput, readJsonBody } from '@/lib/server/http';
import { addSource, listSources } from '@/lib/server/sources/add-source';

const ZParams = z.object({ id: z.string().min(1).max(64) });
/** A source's most text, as JSON: every character escaped at worst, and its pages and details. */
const MAX_BODY_BYTES = 3_000_000;

/** GET /api/maps/:id/sources — the map's sources, with their text. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    return listSources(await currentActor(), id);
  });
}

/**
 * POST /api/maps/:id/sources — a reviewed source: its details, and its text
 * whole or page by page. Answers { id, seq }.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    const actor = await currentActor();
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    return addSource(actor, id, body);
  });
}
