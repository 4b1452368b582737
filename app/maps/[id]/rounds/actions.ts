'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/server/form-action';
import { createRound } from '@/lib/server/rounds/create-round';
import { readRoundForm, ZRoundFormFields } from './round-form';

export const createRoundAction = formAction(
  ZRoundFormFields.extend({ format: z.string().max(80) }),
  async ({ mapId, ...input }, actor) => {
    const round = await createRound(actor, mapId, input);
    redirect(`/maps/${mapId}/rounds/${round.id}`);
  },
  { read: readRoundForm },
);
