import 'server-only';
import { z } from 'zod';
import { authorizeTeaching, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { parseInput } from '../http';
import { mapStudents } from './roster';

const MAX_FEEDBACK_LENGTH = 5000;

export const ZFeedbackInput = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'Write the feedback first')
    .max(MAX_FEEDBACK_LENGTH, `Keep the feedback under ${MAX_FEEDBACK_LENGTH} characters`),
  /** Release it to the student now; false keeps it a draft (and takes back a released one). */
  release: z.boolean(),
});

/**
 * Writes a teacher's feedback to one student of the map: a draft only the
 * teachers read, or released, when the student reads it too.
 */
export async function saveFeedback(
  actor: Actor,
  mapId: string,
  studentId: string,
  raw: z.input<typeof ZFeedbackInput>,
): Promise<{ released: boolean }> {
  await authorizeTeaching(actor, mapId);
  const input = parseInput(ZFeedbackInput, raw);
  if (!(await mapStudents(mapId)).some((s) => s.id === studentId))
    throw new AppError('NOT_FOUND', 'That student is not on this map.');
  const releasedAt = input.release ? new Date() : null;
  const authorId = actor.kind === 'user' ? actor.userId : null;
  await db().studentFeedback.upsert({
    where: { mapId_studentId: { mapId, studentId } },
    create: { mapId, studentId, authorId, body: input.body, releasedAt },
    update: { authorId, body: input.body, releasedAt },
  });
  return { released: input.release };
}
