import { NextResponse } from 'next/server';
import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { toErrorResponse } from '@/lib/server/errors';
import { parseInput } from '@/lib/server/http';
import { exportBackup } from '@/lib/server/maps/export-backup';

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** GET /api/maps/:id/export — a JSON backup of the map with the reader's own team layer, as a download. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = parseInput(ZParams, await context.params);
    const backup = await exportBackup(await currentActor(), id);
    const name = backup.map.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'map';
    return new NextResponse(JSON.stringify(backup, null, 2), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${name}.counterpoint.json"` },
    });
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    return NextResponse.json(body, { status });
  }
}
