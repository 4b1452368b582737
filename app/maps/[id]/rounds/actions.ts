'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/server/form-action';
import { ZRecordId } from '@/lib/server/http';
import { createRound } from '@/lib/server/rounds/create-round';

/** The new-round form: `seat:<bench>` selects, `judge` checkboxes, a `chair` radio. */
function readRoundForm(form: FormData) {
  const seats: Record<string, string> = {};
  for (const [name, value] of form.entries())
    if (name.startsWith('seat:') && typeof value === 'string' && value)
      seats[name.slice(5)] = value;
  return {
    mapId: form.get('mapId'),
    format: form.get('format'),
    motion: form.get('motion'),
    seats,
    judges: form.getAll('judge'),
    chairId: form.get('chair') || null,
  };
}

const ZRoundForm = z.object({
  mapId: ZRecordId,
  format: z.string().max(80),
  motion: z.string().max(1000),
  seats: z.record(z.string(), z.string()),
  judges: z.array(z.string()),
  chairId: z.string().nullable(),
});

export const createRoundAction = formAction(
  ZRoundForm,
  async ({ mapId, ...input }, actor) => {
    const round = await createRound(actor, mapId, input);
    redirect(`/maps/${mapId}/rounds/${round.id}`);
  },
  { read: readRoundForm },
);
