import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '@/lib/domain/interchange';
import { currentActor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { clientAddressOf } from '@/lib/server/client-address';
import { jsonRoute, parseInput, readBytesBody } from '@/lib/server/http';
import { ZMapTitle } from '@/lib/server/maps/create-map';
import { IMPORT_FORMATS, importMap } from '@/lib/server/maps/import-map';
import { limitRequest } from '@/lib/server/rate-limits';

const ZQuery = z.object({
  format: z.enum(IMPORT_FORMATS).optional(),
  name: z.string().max(255).optional(),
  /** The title the importer chose; absent or blank: the file's own title, else its name. */
  title: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    ZMapTitle.optional(),
  ),
});

/**
 * POST /api/maps/import?format=backup|aif|argdown|kialo&name=file.ext&title=… — the
 * file as the body (title: the map's, instead of the file's own or its name), sent as application/octet-stream (format guessed from the
 * name and content when not given). Answers { id, format, ignored } of the
 * new map (ignored: what the file held that the map leaves out), or
 * the line or field at fault; a file that is not text (an image, a program)
 * gets 415 saying what it looks like.
 */
export async function POST(request: Request) {
  return jsonRoute(async () => {
    const query = parseInput(ZQuery, Object.fromEntries(new URL(request.url).searchParams));
    const actor = await currentActor();
    // Refused before reading up to 5 MB from someone who may not import.
    if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to import a map.');
    await limitRequest('imports', actor, clientAddressOf(request.headers));
    return importMap(actor, {
      bytes: await readBytesBody(request, MAX_IMPORT_BYTES),
      fileName: query.name,
      title: query.title,
      format: query.format,
    });
  });
}
