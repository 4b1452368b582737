import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { downloadRoute, parseInput, ZRecordId } from '@/lib/server/http';
import { exportStudentData } from '@/lib/server/privacy/export-data';

const ZParams = z.object({ id: ZRecordId, userId: ZRecordId });

/**
 * GET /api/classrooms/:id/students/:userId/data — for the class's teacher:
 * one student's contributions in this class's maps, as a JSON file.
 */
export async function GET(
  _request: Request,
  context: { params: Promise<{ id: string; userId: string }> },
) {
  return downloadRoute(async () => {
    const { id, userId } = parseInput(ZParams, await context.params);
    return exportStudentData(await currentActor(), id, userId);
  });
}
