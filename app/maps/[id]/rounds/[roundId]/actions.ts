'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/server/form-action';
import { ZRecordId } from '@/lib/server/http';
import { deleteRound } from '@/lib/server/rounds/delete-round';

export const deleteRoundAction = formAction(
  z.object({ mapId: ZRecordId, roundId: ZRecordId }),
  async ({ roundId }, actor) => {
    const { mapId } = await deleteRound(actor, roundId);
    redirect(`/maps/${mapId}/rounds`);
  },
);
