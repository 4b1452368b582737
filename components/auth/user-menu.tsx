import Link from 'next/link';
import { signOutAction } from '@/app/sign-in/actions';
import { avatarColour, displayName } from '@/lib/domain/people';
import styles from './user-menu.module.css';

type Props = {
  /** The signed-in person (app/layout.tsx reads it), or null. */
  user: { name: string | null; email: string | null; avatarColor: string | null } | null;
};

/** The header's right side: who is signed in, with sign out; or a sign-in link. */
export function UserMenu({ user }: Props) {
  if (!user) {
    return (
      <nav className={styles.menu} aria-label="Account">
        <Link href="/sign-in" className="button button--quiet">
          Sign in
        </Link>
      </nav>
    );
  }
  const name = displayName(user);
  return (
    <nav className={styles.menu} aria-label="Account">
      <Link href="/maps" className={styles.link}>
        My maps
      </Link>
      {/* Named by its content (visible name included), so speech input can say what it shows. */}
      <Link href="/profile" className={styles.profile}>
        <span
          className="avatar"
          style={{ background: avatarColour(user.avatarColor) }}
          aria-hidden="true"
        >
          {name.charAt(0).toUpperCase()}
        </span>
        <span className="visually-hidden">Your profile: </span>
        <span className={styles.name}>{name}</span>
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="button button--quiet">
          Sign out
        </button>
      </form>
    </nav>
  );
}
