import 'server-only';
import type { NextResponse } from 'next/server';
import { z } from 'zod';
import { currentActor } from './actor';
import type { MapAccess } from './authz';
import { clientAddressOf } from './client-address';
import { jsonRoute, parseInput, readJsonBody, refuseForeignWrite, ZRecordId } from './http';
import type { MapUseCase } from './map-use-case';
import { limitRequest } from './rate-limits';
import { stamp, traced } from './bench-trace';

const ZMapParams = z.object({ id: ZRecordId });

type RouteParams = Record<string, string | string[] | undefined>;

type Options<P> = {
  /**
   * A write: refused at once when another site sent it (403) or its body is
   * not JSON (415), then counted against this rate limit.
   */
  write?: { limit: Parameters<typeof limitRequest>[0] };
  /** Read the JSON body, of at most this many bytes, once authorized. */
  body?: number;
  /** The route's other parameters (besides the map's `id`). */
  params?: z.ZodType<P>;
};

/** What a route hands its use case: the parsed parameters, the JSON body (with `body`), the request. */
type RouteInput<P> = { params: P & { id: string }; body: unknown; request: Request };

/**
 * A route handler of one map's use case: parses the map id (and `params`),
 * asks who is acting, for a write refuses another site's request and counts
 * it, authorizes once with the use case's own authorizer (before a byte of
 * the body is read, so a stranger's upload is refused unread), reads the
 * body, and runs the use case with that access (`handle` passes it the
 * arguments that come from the request). Errors become the JSON
 * error shape (jsonRoute).
 */
export function mapRoute<A extends MapAccess, Args extends unknown[], R, P = object>(
  useCase: MapUseCase<A, Args, R>,
  options: Options<P>,
  handle: (run: (...args: Args) => Promise<R>, input: RouteInput<P>) => Promise<R>,
): (request: Request, context: { params: Promise<RouteParams> }) => Promise<NextResponse> {
  return (request, context) =>
    traced(() =>
      jsonRoute(async () => {
        if (options.write) refuseForeignWrite(request);
        const raw = await context.params;
        const { id } = parseInput(ZMapParams, raw);
        const params = { ...(options.params ? parseInput(options.params, raw) : ({} as P)), id };
        const actor = await currentActor();
        stamp('actor');
        if (options.write)
          await limitRequest(options.write.limit, actor, clientAddressOf(request.headers));
        stamp('limited');
        const access = await useCase.authorize(actor, id);
        stamp('authorized');
        const body = options.body ? await readJsonBody(request, options.body) : undefined;
        return handle((...args) => useCase.run({ actor, access }, ...args), {
          params,
          body,
          request,
        });
      }),
    );
}
