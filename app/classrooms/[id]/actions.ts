'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { deleteClassroom } from '@/lib/server/classrooms/delete-classroom';
import { removeStudent } from '@/lib/server/classrooms/remove-student';
import { setCitationStyle, ZCitationStyle } from '@/lib/server/classrooms/set-citation-style';
import { setJoinDeadline, ZJoinDeadlineInput } from '@/lib/server/classrooms/join-deadline';
import { formAction } from '@/lib/server/form-action';
import { copyFormat, deleteClassFormat } from '@/lib/server/formats/class-formats';
import { ZRecordId } from '@/lib/server/http';
import { deleteStudentData } from '@/lib/server/privacy/delete-student-data';

const ZRemoveStudentForm = z.object({ classroomId: ZRecordId, userId: ZRecordId });

export const removeStudentAction = formAction(
  ZRemoveStudentForm,
  async ({ classroomId, userId }, actor) => {
    await removeStudent(actor, classroomId, userId);
    revalidatePath(`/classrooms/${classroomId}`);
  },
);

/** The teacher erases one student's work in the class and removes them from it. */
export const deleteStudentDataAction = formAction(
  ZRemoveStudentForm,
  async ({ classroomId, userId }, actor) => {
    await deleteStudentData(actor, classroomId, userId);
    revalidatePath(`/classrooms/${classroomId}`);
  },
);

const ZDeleteClassroomForm = z.object({ classroomId: ZRecordId });

/** The teacher deletes the class, its maps and the sign-ins made for it. */
export const deleteClassroomAction = formAction(
  ZDeleteClassroomForm,
  async ({ classroomId }, actor) => {
    await deleteClassroom(actor, classroomId);
    revalidatePath('/classrooms');
    redirect('/');
  },
);

const ZCopyFormatForm = z.object({
  classroomId: ZRecordId,
  source: z.string().min(1).max(64),
});

/** Copies a preset (or one of the class's formats) for the class, then opens the copy to edit. */
export const copyFormatAction = formAction(
  ZCopyFormatForm,
  async ({ classroomId, source }, actor) => {
    const copy = await copyFormat(actor, classroomId, source);
    revalidatePath(`/classrooms/${classroomId}`);
    redirect(`/classrooms/${classroomId}/formats/${copy.id}`);
  },
);

const ZDeleteFormatForm = z.object({ classroomId: ZRecordId, formatId: ZRecordId });

export const deleteFormatAction = formAction(
  ZDeleteFormatForm,
  async ({ classroomId, formatId }, actor) => {
    await deleteClassFormat(actor, formatId);
    revalidatePath(`/classrooms/${classroomId}`);
  },
);

const ZCitationStyleForm = z.object({ classroomId: ZRecordId, citationStyle: ZCitationStyle });

/** The teacher sets how the class cites its sources. */
export const setCitationStyleAction = formAction(
  ZCitationStyleForm,
  async ({ classroomId, citationStyle }, actor) => {
    await setCitationStyle(actor, classroomId, citationStyle);
    revalidatePath(`/classrooms/${classroomId}`);
    return { notice: 'Citation style saved.' };
  },
);

const ZJoinDeadlineForm = ZJoinDeadlineInput.extend({ classroomId: ZRecordId });

/** The teacher sets when the join code stops admitting new students, or reopens joining. */
export const setJoinDeadlineAction = formAction(
  ZJoinDeadlineForm,
  async ({ classroomId, joinClosesAt }, actor) => {
    await setJoinDeadline(actor, classroomId, joinClosesAt);
    revalidatePath(`/classrooms/${classroomId}`);
    return { notice: joinClosesAt ? 'Join deadline saved.' : 'Joining is open again.' };
  },
);
