import { NextResponse } from 'next/server';
import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { toErrorResponse } from '@/lib/server/errors';
import { parseInput } from '@/lib/server/http';
import { EXPORT_FORMATS, exportMap } from '@/lib/server/maps/export-map';

const ZParams = z.object({
  id: z.string().min(1).max(64),
  format: z.enum(EXPORT_FORMATS).default('backup'),
});

/** GET /api/maps/:id/export?format=backup|aif|argdown — the map as a download. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const format = new URL(request.url).searchParams.get('format') ?? undefined;
    const { id, format: chosen } = parseInput(ZParams, { ...(await context.params), format });
    const file = await exportMap(await currentActor(), id, chosen);
    return new NextResponse(file.body, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    return NextResponse.json(body, { status });
  }
}
