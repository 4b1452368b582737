import type { FormAction } from '@/lib/domain/form-state';
import { ConfirmRemove } from '@/components/ui/confirm-remove';
import styles from './student-data-actions.module.css';

type Props = {
  classroomId: string;
  /** `managed`: an account the teacher made for this class, which goes with its data. */
  student: { id: string; name: string; managed?: boolean };
  deleteAction: FormAction;
  /** Someone already removed from the class (they have nothing to leave). */
  former?: boolean;
};

/** A roster row's data controls for the teacher: download one student's work in the class, or erase it. */
export function StudentDataActions({ classroomId, student, deleteAction, former }: Props) {
  return (
    <span className={styles.actions}>
      <a
        className="button button--quiet button--small"
        href={`/api/classrooms/${classroomId}/students/${student.id}/data`}
        download
        aria-label={`Download data of ${student.name}`}
      >
        Download data
      </a>
      <ConfirmRemove
        name={student.name}
        verb="Delete data of"
        pendingLabel="Deleting…"
        question={`Delete ${student.name}’s data in this class?`}
        explanation={`Their comments, team notes, votes and ballots in this class are erased${former ? '' : ' and they leave the class'}. Claims and connections they added stay on the maps for the class, without their name. ${
          student.managed
            ? 'The sign-in you made for them is deleted too.'
            : 'Their account and their work elsewhere are theirs.'
        } This cannot be undone: download their data first if you need it.`}
        formLabel={`Delete data of ${student.name}`}
        fields={{ classroomId, userId: student.id }}
        action={deleteAction}
      />
    </span>
  );
}
