'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/server/form-action';
import { ZRecordId } from '@/lib/server/http';
import { deleteRound } from '@/lib/server/rounds/delete-round';
import { editRound } from '@/lib/server/rounds/edit-round';
import { readRoundForm, ZRoundFormFields } from '../round-form';

export const deleteRoundAction = formAction(
  z.object({ mapId: ZRecordId, roundId: ZRecordId }),
  async ({ roundId }, actor) => {
    const { mapId } = await deleteRound(actor, roundId);
    redirect(`/maps/${mapId}/rounds`);
  },
);

/**
 * The edit-round form, with the version of the round it was opened on (a
 * correction made meanwhile refuses it: STALE_VERSION): every open page of
 * the round reads it again from the stream.
 */
export const editRoundAction = formAction(
  ZRoundFormFields.extend({ roundId: ZRecordId, version: z.string().max(100) }),
  async ({ roundId, motion, seats, judges, chairId, version }, actor) => {
    await editRound(actor, roundId, { motion, seats, judges, chairId, version });
    return { notice: 'Round saved: everyone in it sees the change.' };
  },
  { read: readRoundForm },
);
