import { getModeration } from '@/lib/server/moderation/get-moderation';
import { changeModerationSettings } from '@/lib/server/moderation/moderation-settings';
import { mapRoute } from '@/lib/server/map-route';

/** GET /api/maps/:id/moderation — the mode, my standing, the queue (moderators), my suggestions and flags. */
export const GET = mapRoute(getModeration, {}, (run) => run());

/** PATCH /api/maps/:id/moderation — { requireApproval } | { addModerator } | { removeModerator } (managers). */
export const PATCH = mapRoute(
  changeModerationSettings,
  { write: { limit: 'ops' }, body: 2_000 },
  (run, { body }) => run(body),
);
