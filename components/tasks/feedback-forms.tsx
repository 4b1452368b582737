import { ActionForm } from '@/components/ui/action-form';
import { LocalTime } from '@/components/ui/local-time';
import type { FormAction } from '@/lib/domain/form-state';
import page from '@/components/ui/page.module.css';
import styles from './tasks.module.css';

type Student = {
  id: string;
  name: string;
  feedback: { body: string; releasedAt: Date | null; updatedAt: Date } | null;
};

/** A feedback form per student: a draft until the teacher lets the student read it. */
export function FeedbackForms({
  mapId,
  students,
  action,
}: {
  mapId: string;
  students: Student[];
  action: FormAction;
}) {
  return (
    <div className={styles.feedbackList}>
      {students.map((s) => (
        <section key={s.id} className={page.panel} aria-labelledby={`feedback-${s.id}`}>
          <h3 id={`feedback-${s.id}`} className={page.sectionTitle}>
            {s.name}
          </h3>
          <p className={styles.feedbackState}>
            {!s.feedback ? (
              'No feedback yet.'
            ) : s.feedback.releasedAt ? (
              <>
                Released <LocalTime value={s.feedback.releasedAt} />: {s.name} can read it.
              </>
            ) : (
              <>
                Draft, saved <LocalTime value={s.feedback.updatedAt} />: only teachers can read it.
              </>
            )}
          </p>
          <ActionForm
            action={action}
            submitLabel="Save feedback"
            submitName={`Save feedback for ${s.name}`}
            pendingLabel="Saving…"
            label={`Feedback for ${s.name}`}
          >
            <input type="hidden" name="mapId" value={mapId} />
            <input type="hidden" name="studentId" value={s.id} />
            <label className="field">
              <span>Feedback for {s.name}</span>
              <textarea
                name="body"
                rows={3}
                maxLength={5000}
                required
                defaultValue={s.feedback?.body ?? ''}
              />
            </label>
            <label className={styles.check}>
              <input type="checkbox" name="release" defaultChecked={!!s.feedback?.releasedAt} />
              <span>Release it: {s.name} can read it</span>
            </label>
          </ActionForm>
        </section>
      ))}
    </div>
  );
}
