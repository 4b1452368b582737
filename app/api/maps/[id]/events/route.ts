import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput } from '@/lib/server/http';
import { openMapStream, parseResumePoint } from '@/lib/server/realtime/map-stream';
import { announceStreamClosed, ZPresenceInput } from '@/lib/server/realtime/publish-presence';
import { holdStreamPlace, limitRequest, releasingWhenDone } from '@/lib/server/rate-limits';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const ZParams = z.object({ id: z.string().min(1).max(64) });
/** The tab's presence id (`?client=`): optional, for readers that show no presence. */
const ZClient = ZPresenceInput.shape.clientId.nullable();

/**
 * GET /api/maps/:id/events — Server-Sent Events: `ops` (id = seq), `skip`,
 * `snapshot`, `presence`, `ready`, `revoked`. Resumes after Last-Event-ID,
 * or after `?since=` (the snapshot's seq). A view link's holder sends its
 * token in the x-share-token header, as on every other route (never in the
 * URL, which access logs keep). With `?client=` (the tab's presence id),
 * the others are told that tab left when its stream closes.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const url = new URL(request.url);
  let stream: ReadableStream<Uint8Array> | undefined;
  const refused = await jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    const from = parseResumePoint(
      request.headers.get('last-event-id'),
      url.searchParams.get('since'),
    );
    const client = parseInput(ZClient, url.searchParams.get('client'));
    const actor = await currentActor();
    const address = clientAddressOf(request.headers);
    await limitRequest('streamOpens', actor, address);
    const release = await holdStreamPlace(actor, address);
    // Given back when the stream ends, or when the client goes (whichever is told first).
    request.signal.addEventListener('abort', release, { once: true });
    try {
      stream = releasingWhenDone(await openMapStream(actor, id, from, request.signal), release);
      if (client) {
        const gone = () => void announceStreamClosed(actor, id, client);
        if (request.signal.aborted) gone();
        else request.signal.addEventListener('abort', gone, { once: true });
      }
    } catch (error) {
      release();
      throw error;
    }
    return null;
  });
  if (!stream) return refused;
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
