'use client';

import type { CommentView } from '@/lib/domain/social';
import { short } from './focus';
import styles from './open-threads.module.css';
import panel from './panel.module.css';
import type { ThreadSubject } from './use-threads';

type Props = {
  /** Every thread's first comment, oldest first. */
  roots: readonly CommentView[];
  repliesOf: ReadonlyMap<string, CommentView[]>;
  subjectOf: (root: CommentView) => ThreadSubject | null;
  currentUserId: string | null;
  onJump: (target: ThreadSubject) => void;
};

/**
 * With nothing selected: every open thread of the map, newest first, and
 * above them those that mention the reader; each jumps to what it is about.
 */
export function OpenThreads({ roots, repliesOf, subjectOf, currentUserId, onJump }: Props) {
  const open = roots.filter((c) => !c.resolved && subjectOf(c)).reverse();
  const thread = (root: CommentView) => [root, ...(repliesOf.get(root.id) ?? [])];
  const mentioningMe = currentUserId
    ? open.filter((root) => thread(root).some((c) => c.mentions.includes(currentUserId)))
    : [];
  const list = (items: CommentView[]) => (
    <ul className={styles.list}>
      {items.map((c) => {
        const subject = subjectOf(c)!;
        const count = thread(c).filter((x) => !x.deleted).length;
        return (
          <li key={c.id}>
            <button type="button" className={styles.item} onClick={() => onJump(subject)}>
              <span className={styles.about}>{subject.label}</span>
              <span className={styles.meta}>
                {c.deleted ? 'Comment deleted' : `${c.authorName}: ${short(c.body, 90)}`} · {count}{' '}
                {count > 1 ? 'comments' : 'comment'}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
  return (
    <section className={panel.panel} aria-label="Open threads">
      {mentioningMe.length > 0 && (
        <div role="group" aria-label="Mentions of you">
          <h2 className={panel.title}>Mentions of you ({mentioningMe.length})</h2>
          {list(mentioningMe)}
        </div>
      )}
      <h2 className={panel.title}>Open threads ({open.length})</h2>
      {open.length === 0 ? (
        <p className={panel.empty}>
          No open threads. Select a node or a connection to start a discussion about it.
        </p>
      ) : (
        list(open)
      )}
    </section>
  );
}
