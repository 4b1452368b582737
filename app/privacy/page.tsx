import type { Metadata } from 'next';
import Link from 'next/link';
import card from '@/components/ui/card-page.module.css';
import styles from './page.module.css';

export const metadata: Metadata = { title: 'Your data and privacy' };

/**
 * The privacy notice in short, for students, parents and teachers; the whole
 * of it, with the school's COPPA, FERPA and GDPR points, is docs/PRIVACY.md.
 */
export default function PrivacyPage() {
  return (
    <main className={`${card.form} ${card.wide} ${styles.page}`}>
      <h1>Your data and privacy</h1>
      <p className={card.lead}>
        Counterpoint runs on your school’s own server. It keeps only what a class needs to debate
        together, and nobody else gets it.
      </p>
      <h2>What we keep</h2>
      <ul>
        <li>Your name, email, avatar colour and a scrambled (hashed) password.</li>
        <li>Which classes, maps and teams you are in.</li>
        <li>
          What you write: claims, connections, comments, team notes, flow notes, ballots, and a log
          of each change (so the class can see history and undo).
        </li>
        <li>
          Which browsers are signed in (for 30 days at most) and short-lived counters that slow down
          password guessing (about an hour).
        </li>
      </ul>
      <h2>Who sees it</h2>
      <p>
        Your class and your teacher see the shared map and comments. Your team’s notes stay in your
        team until the map’s owner shows them after the debate. There are no adverts, no tracking,
        no analytics and nothing loaded from other companies’ servers.
      </p>
      <h2>Taking it with you, or deleting it</h2>
      <p>
        On <Link href="/profile">your profile</Link>, “Download my data” gives you a file of all of
        it, and “Delete my account” erases it. Claims you added to a class map stay there for your
        classmates, without your name. Your teacher can also download or delete your work in their
        class, even after you have left it. Ask your school for anything else: they decide how
        Counterpoint is used.
      </p>
    </main>
  );
}
