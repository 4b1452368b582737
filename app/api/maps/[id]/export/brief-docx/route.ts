import { currentActor } from '@/lib/server/actor';
import { DOCX_TYPE, exportBriefDocx } from '@/lib/server/evidence/export-word';
import { downloadRoute, parseInput, ZRecordId } from '@/lib/server/http';

/** GET /api/maps/:id/export/brief-docx — the debate brief as a .docx in Verbatim's styles. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return downloadRoute(async () => {
    const id = parseInput(ZRecordId, (await context.params).id);
    const file = await exportBriefDocx(await currentActor(), id);
    return { ...file, contentType: DOCX_TYPE };
  });
}
