import { suggestChange } from '@/lib/server/moderation/suggest-change';
import { mapRoute } from '@/lib/server/map-route';

/**
 * POST /api/maps/:id/suggestions — { ops, idempotencyKey? }: a new card or a
 * text edit, held for a moderator (editors).
 */
export const POST = mapRoute(
  suggestChange,
  { write: { limit: 'ops' }, body: 20_000 },
  (run, { body }) => run(body),
);
