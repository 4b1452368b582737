import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput, readBytesBody } from '@/lib/server/http';
import { readUploadForMap } from '@/lib/server/sources/read-upload';

const ZParams = z.object({ id: z.string().min(1).max(64) });
const ZQuery = z.object({
  name: z.string().trim().min(1, 'Name the file').max(255),
  pasted: z.enum(['1']).optional(),
});

/**
 * POST /api/maps/:id/sources/read?name=file.pdf[&pasted=1] — a file (PDF,
 * .docx, HTML, text) as an application/octet-stream body. Answers the
 * source draft to review (lib/domain/evidence/source-draft.ts); nothing is
 * stored.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const { id } = parseInput(ZParams, await context.params);
    const search = Object.fromEntries(new URL(request.url).searchParams);
    return readUploadForMap(
      await currentActor(),
      id,
      clientAddressOf(request.headers),
      async (maxBytes) => {
        const bytes = await readBytesBody(request, maxBytes);
        const query = parseInput(ZQuery, search);
        return { bytes, name: query.name, pasted: query.pasted === '1' };
      },
    );
  });
}
