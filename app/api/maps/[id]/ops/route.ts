import { applyMapOps, readOpsRequest } from '@/lib/server/maps/apply-ops';
import { mapRoute } from '@/lib/server/map-route';

/**
 * POST /api/maps/:id/ops — apply a batch of edit ops, all or nothing.
 * Body: { ops: Op[], idempotencyKey?: string }. Answers { seq, duplicate,
 * nodes, edges } after commit, or { error: { code, message, details? } }.
 * Authorized before the body is read: a stranger's upload is refused unread.
 */
export const POST = mapRoute(applyMapOps, { write: { limit: 'ops' } }, async (run, { request }) =>
  run(await readOpsRequest(request)),
);
