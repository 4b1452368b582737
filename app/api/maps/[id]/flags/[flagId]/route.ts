import { z } from 'zod';
import { ZRecordId } from '@/lib/server/http';
import { resolveFlag } from '@/lib/server/moderation/flags';
import { mapRoute } from '@/lib/server/map-route';

/** PATCH /api/maps/:id/flags/:flagId — { action: 'dismiss' | 'delete' } (moderators). */
export const PATCH = mapRoute(
  resolveFlag,
  { write: { limit: 'ops' }, body: 2_000, params: z.object({ flagId: ZRecordId }) },
  (run, { params, body }) => run(params.flagId, body),
);
