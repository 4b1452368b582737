import 'server-only';
import { z } from 'zod';
import { CITATION_STYLES, type CitationStyle } from '../../domain/evidence/citation';
import { authorizeClassroom, type Actor } from '../authz';
import { db } from '../db';

export const ZCitationStyle = z.enum(CITATION_STYLES, {
  message: 'Choose one of the citation styles.',
});

/**
 * Sets how the class cites its sources (in the reader, on cards, in briefs
 * and exports). Only the teacher may.
 */
export async function setCitationStyle(
  actor: Actor,
  classroomId: string,
  style: CitationStyle,
): Promise<void> {
  await authorizeClassroom(actor, 'classroom:manage', classroomId);
  await db().classroom.update({ where: { id: classroomId }, data: { citationStyle: style } });
}
