'use client';

import { useState } from 'react';
import { avatarInitials, initialsFontSize } from '@/lib/domain/people';
import type { CommentView, TSocialOpInput } from '@/lib/domain/social';
import { LocalTime } from '../ui/local-time';
import { CommentBody } from './comment-body';
import { CommentForm, type Person } from './comment-form';
import styles from './thread.module.css';

type Props = {
  comment: CommentView;
  /** Written by the reader: they may edit or delete it. */
  mine: boolean;
  /** Mentions the reader: marked so they notice. */
  mentionsMe: boolean;
  /** Everyone on the map, by id, to name the people the comment mentions. */
  people: ReadonlyMap<string, Person>;
  /** Whom an edit may mention. */
  mentionable: readonly Person[];
  onSend: (ops: TSocialOpInput[]) => Promise<boolean>;
};

/** One comment of a thread: who wrote it and when, its text, and for its author Edit and Delete. */
export function CommentItem({ comment, mine, mentionsMe, people, mentionable, onSend }: Props) {
  const [editing, setEditing] = useState(false);
  // Deleted by its author while replies to it remain: a placeholder above them.
  if (comment.deleted) return <p className={styles.deleted}>Comment deleted</p>;
  return (
    <div className={mentionsMe ? styles.mentionsMe : undefined}>
      <p className={styles.meta}>
        <span
          className="avatar avatar--small"
          style={{
            background: comment.authorColor,
            fontSize: initialsFontSize(avatarInitials(comment.authorName), 20),
          }}
          aria-hidden="true"
        >
          {avatarInitials(comment.authorName)}
        </span>
        <strong>{comment.authorName}</strong>{' '}
        <LocalTime value={comment.createdAt} style="shortDateTime" />
        {comment.editedAt && <span> · edited</span>}
      </p>
      {editing ? (
        <CommentForm
          label="Edit comment"
          submit="Save"
          initial={comment.body}
          people={mentionable}
          onSubmit={async (body, mentions) => {
            const ok = await onSend([
              { type: 'editComment', id: comment.id, body, mentions, baseVersion: comment.version },
            ]);
            if (ok) setEditing(false);
            return ok;
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <CommentBody
          text={comment.body}
          mentioned={comment.mentions.flatMap((id) => people.get(id) ?? [])}
        />
      )}
      {mine && !editing && (
        <div className={styles.actions}>
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button
            type="button"
            className="link-button link-button--danger"
            onClick={() => void onSend([{ type: 'deleteComment', id: comment.id }])}
          >
            Delete
          </button>
        </div>
      )}
    </div>
  );
}
