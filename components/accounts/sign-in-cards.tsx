import type { SignInCard } from '@/lib/domain/roster';
import styles from './sign-in-cards.module.css';

type Props = {
  cards: SignInCard[];
  /** Where the cards say to sign in. */
  signInUrl: string;
  className?: string;
};

/**
 * Printable sign-in cards for managed accounts: the student's name,
 * username, one-time password and where to sign in. On paper only the cards
 * print, several to a page, none split across pages.
 */
export function SignInCards({ cards, signInUrl, className = '' }: Props) {
  return (
    <ul className={`${styles.sheet} ${className}`} aria-label="Sign-in cards">
      {cards.map((card) => (
        <li key={card.userId} className={styles.card} aria-label={`Sign-in card for ${card.name}`}>
          <p className={styles.name}>{card.name}</p>
          <dl className={styles.details}>
            <dt>Sign in at</dt>
            <dd className={styles.url}>{signInUrl}</dd>
            <dt>Username</dt>
            <dd className={styles.secret} data-testid="card-username">
              {card.username}
            </dd>
            <dt>One-time password</dt>
            <dd className={styles.secret} data-testid="card-password">
              {card.password}
            </dd>
          </dl>
          <p className={styles.hint}>You will choose your own password when you first sign in.</p>
        </li>
      ))}
    </ul>
  );
}
