import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { downloadRoute, parseInput, ZRecordId } from '@/lib/server/http';
import { progressCsv } from '@/lib/server/tasks/progress-csv';

const ZParams = z.object({ id: ZRecordId });

/** GET /api/maps/:id/progress.csv — the class's progress and activity, for the map's teachers. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return downloadRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    return progressCsv(await currentActor(), id);
  });
}
