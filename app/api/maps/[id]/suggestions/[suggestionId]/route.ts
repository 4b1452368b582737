import { z } from 'zod';
import { ZRecordId } from '@/lib/server/http';
import { decideSuggestion } from '@/lib/server/moderation/decide-suggestion';
import { mapRoute } from '@/lib/server/map-route';

/**
 * PATCH /api/maps/:id/suggestions/:suggestionId — { action: 'approve', text? }
 * | { action: 'decline', reason } (moderators) | { action: 'withdraw' } (its writer).
 */
export const PATCH = mapRoute(
  decideSuggestion,
  {
    write: { limit: 'ops' },
    body: 20_000,
    params: z.object({ suggestionId: ZRecordId }),
  },
  (run, { params, body }) => run(params.suggestionId, body),
);
