import Link from 'next/link';
import type { FormAction } from '@/lib/domain/form-state';
import { ActionForm } from '@/components/ui/action-form';
import styles from './your-data-section.module.css';

type Props = {
  /** What the person types to confirm deletion (their email). */
  confirmWith: string;
  /** Classes they teach: they hand these over or delete them first. */
  classes: { id: string; name: string }[];
  /** Their own maps, deleted with the account. */
  maps: { id: string; title: string }[];
  deleteAction: FormAction;
};

/**
 * The profile's "Your data": a JSON file of everything the person put in,
 * and deleting the account, confirmed by typing their email. A teacher of
 * a class is told which classes to delete first instead.
 */
export function YourDataSection({ confirmWith, classes, maps, deleteAction }: Props) {
  return (
    <>
      <section aria-labelledby="your-data-title" className={styles.section}>
        <h2 id="your-data-title" className={styles.title}>
          Your data
        </h2>
        <p className="field__hint">
          A file of everything Counterpoint holds about you: your profile, classes, maps, and the
          claims, comments and team notes you wrote.{' '}
          <Link href="/privacy">How we look after it</Link>
        </p>
        <a className="button button--quiet" href="/api/me/data" download>
          Download my data
        </a>
      </section>
      <section aria-labelledby="delete-title" className={styles.section}>
        <h2 id="delete-title" className={styles.title}>
          Delete my account
        </h2>
        {classes.length > 0 ? (
          <>
            <p className="field__hint">
              You teach these classes. Their maps hold your students’ work, so download what you
              need and delete each class (at the foot of its page) before you delete your account:
            </p>
            <ul className={styles.list}>
              {classes.map((c) => (
                <li key={c.id}>
                  <Link href={`/classrooms/${c.id}`}>{c.name}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <p className="field__hint">
              You are signed out everywhere and your account is gone for good. Claims you added to a
              class’s map stay there for your classmates, without your name; your comments, team
              notes and votes are erased.
              {maps.length > 0 && ' Your own maps are deleted:'}
            </p>
            {maps.length > 0 && (
              <ul className={styles.list}>
                {maps.map((m) => (
                  <li key={m.id}>{m.title}</li>
                ))}
              </ul>
            )}
            <ActionForm
              action={deleteAction}
              submitLabel="Delete my account"
              pendingLabel="Deleting…"
              label="Delete my account"
              submitClassName={`button ${styles.delete}`}
            >
              <label className="field">
                <span>Type {confirmWith} to confirm</span>
                <input name="confirmation" required autoComplete="off" spellCheck={false} />
              </label>
            </ActionForm>
          </>
        )}
      </section>
    </>
  );
}
