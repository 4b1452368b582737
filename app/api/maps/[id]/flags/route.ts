import { flagCard } from '@/lib/server/moderation/flags';
import { mapRoute } from '@/lib/server/map-route';

/** POST /api/maps/:id/flags — { nodeId, reason? }: flag a card for a moderator (once per card). */
export const POST = mapRoute(flagCard, { write: { limit: 'ops' }, body: 2_000 }, (run, { body }) =>
  run(body),
);
