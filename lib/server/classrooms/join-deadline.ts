import 'server-only';
import { z } from 'zod';
import { authorizeClassroom, type Actor } from '../authz';
import { db } from '../db';

export const ZJoinDeadlineInput = z.object({
  /** An instant (ISO 8601, the browser turns the teacher's local time into one), or empty to reopen. */
  joinClosesAt: z
    .string()
    .max(40)
    .transform((value, context) => {
      if (value.trim() === '') return null;
      const at = new Date(value);
      if (Number.isNaN(at.getTime())) {
        context.addIssue({ code: 'custom', message: 'Choose a date and time' });
        return z.NEVER;
      }
      return at;
    }),
});

/**
 * Sets (or, with null, clears) the moment after which the class's join code
 * and link admit nobody new. The teacher's alone; a moment in the past
 * closes joining at once.
 */
export async function setJoinDeadline(
  actor: Actor,
  classroomId: string,
  joinClosesAt: Date | null,
): Promise<void> {
  await authorizeClassroom(actor, 'classroom:manage', classroomId);
  await db().classroom.update({ where: { id: classroomId }, data: { joinClosesAt } });
}
