import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { clientAddressOf } from '@/lib/server/client-address';
import { AppError } from '@/lib/server/errors';
import { importVerbatimCards, MAX_VERBATIM_BYTES } from '@/lib/server/evidence/import-verbatim';
import { jsonRoute, parseInput, readFormBody, ZRecordId } from '@/lib/server/http';
import { limitRequest } from '@/lib/server/rate-limits';

const ZForm = z.object({
  id: ZRecordId,
  side: z.enum(['FOR', 'AGAINST'], { message: 'The side must be FOR or AGAINST' }),
});

/** Room for the form's other fields and boundaries around the file. */
const FORM_OVERHEAD = 64_000;

/**
 * POST /api/maps/:id/import/verbatim — a Verbatim-style .docx of cards
 * (multipart/form-data: `file`, and `side` FOR or AGAINST) added to the map
 * as evidence under claims of that side. Answers { seq, cards, claims }.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return jsonRoute(async () => {
    const actor = await currentActor();
    // Refused before reading up to 10 MB from someone who may not import.
    if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to import cards.');
    await limitRequest('imports', actor, clientAddressOf(request.headers));
    const form = await readFormBody(request, MAX_VERBATIM_BYTES + FORM_OVERHEAD);
    const { id, side } = parseInput(ZForm, {
      id: (await context.params).id,
      side: form.get('side'),
    });
    const file = form.get('file');
    if (!(file instanceof File))
      throw new AppError('VALIDATION_FAILED', 'file: choose a .docx file to import.', {
        field: 'file',
      });
    return importVerbatimCards(
      actor,
      id,
      new Uint8Array(await file.arrayBuffer()),
      side,
      file.name || null,
    );
  });
}
