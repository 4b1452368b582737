'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { readFormatFields } from '@/lib/domain/formats/form-fields';
import { AppError } from '@/lib/server/errors';
import { formAction } from '@/lib/server/form-action';
import { updateClassFormat } from '@/lib/server/formats/class-formats';
import { ZRecordId } from '@/lib/server/http';

const ZSaveFormatForm = z.object({
  formatId: ZRecordId,
  format: z.record(z.string(), z.unknown()),
});

/** The format editor's save: its numbered fields read into a format, checked and stored. */
export const saveFormatAction = formAction(
  ZSaveFormatForm,
  async ({ formatId, format }, actor) => {
    const saved = await updateClassFormat(actor, formatId, format);
    revalidatePath(`/classrooms/${saved.classroomId}`);
    revalidatePath(`/classrooms/${saved.classroomId}/formats/${formatId}`);
    return { notice: `“${saved.name}” saved.` };
  },
  {
    read: (form) => {
      const read = readFormatFields((name) => {
        const value = form.get(name);
        return typeof value === 'string' ? value : null;
      });
      if (!read.ok)
        throw new AppError('VALIDATION_FAILED', read.problem.message, {
          field: read.problem.field,
        });
      return { formatId: form.get('formatId'), format: read.input };
    },
  },
);
