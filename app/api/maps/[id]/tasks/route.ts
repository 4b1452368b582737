import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { jsonRoute, parseInput, ZRecordId } from '@/lib/server/http';
import { getMyTasks } from '@/lib/server/tasks/get-my-tasks';

const ZParams = z.object({ id: ZRecordId });

/** GET /api/maps/:id/tasks — the reader's own tasks with their progress, and their released feedback. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    return getMyTasks(await currentActor(), id);
  });
}
