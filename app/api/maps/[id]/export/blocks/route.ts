import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { DOCX_TYPE, exportBlocksDocx } from '@/lib/server/evidence/export-word';
import { downloadRoute, parseInput, ZRecordId } from '@/lib/server/http';

const ZQuery = z
  .object({
    id: ZRecordId,
    side: z.enum(['FOR', 'AGAINST'], { message: 'The side must be FOR or AGAINST' }).optional(),
    team: ZRecordId.optional(),
  })
  .refine((q) => q.side || q.team, {
    message: 'Choose a side (FOR or AGAINST) or a team',
    path: ['side'],
  });

/**
 * GET /api/maps/:id/export/blocks?side=FOR|AGAINST&team=<id> — a side's
 * blocks (or a team's: its side) as a Verbatim-style .docx to download.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return downloadRoute(async () => {
    const search = Object.fromEntries(new URL(request.url).searchParams);
    const { id, side, team } = parseInput(ZQuery, { ...search, ...(await context.params) });
    const file = await exportBlocksDocx(await currentActor(), id, { side, teamId: team });
    return { ...file, contentType: DOCX_TYPE };
  });
}
