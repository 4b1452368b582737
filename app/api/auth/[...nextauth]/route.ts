import type { NextRequest } from 'next/server';
import { currentUser } from '@/lib/server/actor';
import { handlers } from '@/lib/server/auth';

export const { POST } = handlers;

/**
 * Auth.js's own endpoints. Its session endpoint only decodes the cookie, so
 * it is asked after the app's rule (lib/server/actor.ts): a session ended on
 * the server answers as signed out here too.
 */
export async function GET(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith('/session') && !(await currentUser()))
    return Response.json(null, { headers: { 'cache-control': 'private, no-store' } });
  return handlers.GET(request);
}
