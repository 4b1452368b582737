import type { FormAction } from '@/lib/domain/form-state';
import { LocalTime } from '@/components/ui/local-time';
import { StudentDataActions } from './student-data-actions';
import page from '@/components/ui/page.module.css';

type Props = {
  classroomId: string;
  students: {
    id: string;
    name: string;
    managed: boolean;
    leftAt: string;
    lastActiveAt: string | null;
  }[];
  deleteAction: FormAction;
};

/**
 * The classroom page's "Former students" (teacher only, shown when there are
 * any): students removed from the class (and not back), whose work stays on
 * its maps, with the same download and erase controls as the roster.
 */
export function FormerStudents({ classroomId, students, deleteAction }: Props) {
  if (students.length === 0) return null;
  return (
    <section aria-labelledby="former-title" className={page.section}>
      <h2 id="former-title" className={page.sectionTitle}>
        Former students ({students.length})
      </h2>
      <p className={page.lead}>
        Removed from the class. Their work stays on its maps: you can download it or delete it.
      </p>
      <table className={page.table} aria-label="Former students">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Left</th>
            <th scope="col">Last active</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {students.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>
                <LocalTime value={s.leftAt} style="date" />
              </td>
              <td>
                {s.lastActiveAt ? <LocalTime value={s.lastActiveAt} style="date" /> : 'Never'}
              </td>
              <td>
                <StudentDataActions
                  classroomId={classroomId}
                  student={s}
                  deleteAction={deleteAction}
                  former
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
