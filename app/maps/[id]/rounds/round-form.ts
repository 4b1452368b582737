import { z } from 'zod';
import { ZRecordId } from '@/lib/server/http';

/**
 * The round forms (new round, edit round): `seat:<bench>` selects, `judge`
 * checkboxes, a `chair` radio, as the use cases take them.
 */
export function readRoundForm(form: FormData) {
  const seats: Record<string, string> = {};
  for (const [name, value] of form.entries())
    if (name.startsWith('seat:') && typeof value === 'string' && value)
      seats[name.slice(5)] = value;
  return {
    mapId: form.get('mapId'),
    roundId: form.get('roundId') ?? undefined,
    version: form.get('version') ?? undefined,
    format: form.get('format') ?? undefined,
    motion: form.get('motion'),
    seats,
    judges: form.getAll('judge'),
    chairId: form.get('chair') || null,
  };
}

/** The fields both forms share. */
export const ZRoundFormFields = z.object({
  mapId: ZRecordId,
  motion: z.string().max(1000),
  seats: z.record(z.string(), z.string()),
  judges: z.array(z.string()),
  chairId: z.string().nullable(),
});
