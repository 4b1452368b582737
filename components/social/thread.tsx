'use client';

import { useState } from 'react';
import { newId } from '@/lib/client/ids';
import type { CommentView, TSocialOpInput } from '@/lib/domain/social';
import { CommentForm, type Person } from './comment-form';
import { CommentItem } from './comment-item';
import styles from './thread.module.css';

type Props = {
  root: CommentView;
  replies: readonly CommentView[];
  /** The reader may comment: reply, resolve and reopen. */
  canComment: boolean;
  /** Everyone on the map, by id. */
  people: ReadonlyMap<string, Person>;
  /** Whom a reply may mention: everyone on the map but the writer. */
  mentionable: readonly Person[];
  currentUserId: string | null;
  onSend: (ops: TSocialOpInput[]) => Promise<boolean>;
};

/** A thread: its first comment and the replies, with Reply and Resolve (or Reopen). */
export function Thread({
  root,
  replies,
  canComment,
  people,
  mentionable,
  currentUserId,
  onSend,
}: Props) {
  const [replying, setReplying] = useState(false);
  return (
    <article
      className={root.resolved ? `${styles.thread} ${styles.resolved}` : styles.thread}
      aria-label={
        root.deleted
          ? 'Thread whose first comment was deleted'
          : `Thread started by ${root.authorName}`
      }
    >
      {[root, ...replies].map((c) => (
        <CommentItem
          key={c.id}
          comment={c}
          mine={c.authorId === currentUserId}
          mentionsMe={currentUserId !== null && c.mentions.includes(currentUserId)}
          people={people}
          mentionable={mentionable}
          onSend={onSend}
        />
      ))}
      <div className={styles.actions}>
        {root.resolved && <span className="badge">Resolved</span>}
        {canComment && !root.resolved && (
          <button type="button" className="link-button" onClick={() => setReplying((r) => !r)}>
            Reply
          </button>
        )}
        {canComment && (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              void onSend([{ type: 'resolveThread', id: root.id, resolved: !root.resolved }])
            }
          >
            {root.resolved ? 'Reopen thread' : 'Resolve thread'}
          </button>
        )}
      </div>
      {replying && (
        <CommentForm
          label="Reply"
          submit="Reply"
          people={mentionable}
          onSubmit={async (body, mentions) => {
            const ok = await onSend([
              { type: 'addComment', id: newId(), parentId: root.id, body, mentions },
            ]);
            if (ok) setReplying(false);
            return ok;
          }}
        />
      )}
    </article>
  );
}
