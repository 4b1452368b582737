'use client';

import { useMemo, useState } from 'react';
import { newId } from '@/lib/client/ids';
import type { CommentView, SocialView, TSocialOpInput } from '@/lib/domain/social';
import type { GraphEdge, GraphNode } from '@/lib/domain/types';
import { CommentForm, type Person } from './comment-form';
import { edgeLabel, short, type Focus } from './focus';

type Props = {
  view: SocialView;
  nodes: GraphNode[];
  edges: GraphEdge[];
  focus: Focus | null;
  currentUserId: string | null;
  onSend: (ops: TSocialOpInput[]) => Promise<boolean>;
  onJump: (target: { kind: 'NODE' | 'EDGE'; id: string }) => void;
};

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @mentions are shown highlighted; bodies are always text, never HTML. */
function Body({ text, mentioned }: { text: string; mentioned: readonly Person[] }) {
  // The names of the people mentioned (longest first, so "@Ana Lopez" wins over "@Ana"), else any @word.
  const names = [...mentioned].map((p) => escapeRegExp(p.name)).sort((a, b) => b.length - a.length);
  const pattern = names.length
    ? new RegExp(`(@(?:${names.join('|')}))`, 'u')
    : /(@[\p{L}\p{N}_.-]+)/u;
  const parts = text.split(pattern);
  return (
    <p className="comment__body">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="comment__mention">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </p>
  );
}

/**
 * Threads visible to every member of the map. With a node or connection
 * selected: its threads, replies and a box for a new one; otherwise every
 * open thread of the map, newest first, each jumping to what it is about.
 */
export function DiscussionPanel({
  view,
  nodes,
  edges,
  focus,
  currentUserId,
  onSend,
  onJump,
}: Props) {
  const roots = useMemo(() => view.comments.filter((c) => !c.parentId), [view.comments]);
  const repliesOf = useMemo(() => {
    const map = new Map<string, CommentView[]>();
    for (const c of view.comments)
      if (c.parentId) map.set(c.parentId, [...(map.get(c.parentId) ?? []), c]);
    return map;
  }, [view.comments]);
  const text = useMemo(() => new Map(nodes.map((n) => [n.id, n.text])), [nodes]);
  const people = useMemo(() => new Map(view.people.map((p) => [p.id, p])), [view.people]);
  // Whom the picker offers: everyone on the map but the writer.
  const mentionable = useMemo(
    () => view.people.filter((p) => p.id !== currentUserId),
    [view.people, currentUserId],
  );
  const edgeById = useMemo(
    () =>
      new Map(edges.filter((e) => text.has(e.fromId) && text.has(e.toId)).map((e) => [e.id, e])),
    [edges, text],
  );
  /** What a thread is about, as the list shows it; null for a thread on something deleted. */
  const about = (c: CommentView) => {
    if (c.nodeId)
      return text.has(c.nodeId)
        ? { kind: 'NODE' as const, id: c.nodeId, label: short(text.get(c.nodeId)!, 70) }
        : null;
    const edge = c.edgeId ? edgeById.get(c.edgeId) : undefined;
    return edge
      ? { kind: 'EDGE' as const, id: edge.id, label: `Connection: ${edgeLabel(edge, text, 30)}` }
      : null;
  };

  if (!focus) {
    const open = roots.filter((c) => !c.resolved && about(c)).reverse();
    const thread = (root: CommentView) => [root, ...(repliesOf.get(root.id) ?? [])];
    const mentioningMe = currentUserId
      ? open.filter((root) => thread(root).some((c) => c.mentions.includes(currentUserId)))
      : [];
    const list = (items: CommentView[]) => (
      <ul className="thread-list">
        {items.map((c) => (
          <li key={c.id}>
            <button type="button" className="thread-list__item" onClick={() => onJump(about(c)!)}>
              <span className="thread-list__node">{about(c)!.label}</span>
              <span className="thread-list__meta">
                {c.authorName}: {short(c.body, 90)} · {thread(c).length}{' '}
                {thread(c).length > 1 ? 'comments' : 'comment'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    );
    return (
      <section className="social" aria-label="Open threads">
        {mentioningMe.length > 0 && (
          <div role="group" aria-label="Mentions of you">
            <h2 className="social__title">Mentions of you ({mentioningMe.length})</h2>
            {list(mentioningMe)}
          </div>
        )}
        <h2 className="social__title">Open threads ({open.length})</h2>
        {open.length === 0 ? (
          <p className="social__empty">
            No open threads. Select a node or a connection to start a discussion about it.
          </p>
        ) : (
          list(open)
        )}
      </section>
    );
  }

  const threads = roots.filter((c) => (focus.kind === 'NODE' ? c.nodeId : c.edgeId) === focus.id);
  const what = focus.kind === 'NODE' ? 'node' : 'connection';
  return (
    <section className="social" aria-label={`Discussion of the selected ${what}`}>
      <h2 className="social__title">
        {focus.kind === 'NODE'
          ? `Discussion of “${short(focus.label, 60)}”`
          : `Discussion of the connection ${focus.label}`}
      </h2>
      {threads.length === 0 && <p className="social__empty">No comments on this {what} yet.</p>}
      {threads.map((root) => (
        <Thread
          key={root.id}
          root={root}
          replies={repliesOf.get(root.id) ?? []}
          view={view}
          people={people}
          mentionable={mentionable}
          currentUserId={currentUserId}
          onSend={onSend}
        />
      ))}
      {view.canComment ? (
        <CommentForm
          label="New comment"
          submit="Comment"
          people={mentionable}
          onSubmit={(body, mentions) =>
            onSend([
              {
                type: 'addComment',
                id: newId(),
                ...(focus.kind === 'NODE' ? { nodeId: focus.id } : { edgeId: focus.id }),
                body,
                mentions,
              },
            ])
          }
        />
      ) : (
        <p className="social__empty">
          You can read the discussion; commenting needs the comment or edit role.
        </p>
      )}
    </section>
  );
}

type ThreadProps = {
  root: CommentView;
  replies: CommentView[];
  view: SocialView;
  people: ReadonlyMap<string, Person>;
  mentionable: Person[];
  currentUserId: string | null;
  onSend: Props['onSend'];
};

function Thread({ root, replies, view, people, mentionable, currentUserId, onSend }: ThreadProps) {
  const [replying, setReplying] = useState(false);
  return (
    <article
      className={root.resolved ? 'thread thread--resolved' : 'thread'}
      aria-label={`Thread started by ${root.authorName}`}
    >
      {[root, ...replies].map((c) => (
        <Comment
          key={c.id}
          comment={c}
          mine={c.authorId === currentUserId}
          mentionsMe={currentUserId !== null && c.mentions.includes(currentUserId)}
          people={people}
          mentionable={mentionable}
          onSend={onSend}
        />
      ))}
      <div className="thread__actions">
        {root.resolved && <span className="badge">Resolved</span>}
        {view.canComment && !root.resolved && (
          <button type="button" className="link-button" onClick={() => setReplying((r) => !r)}>
            Reply
          </button>
        )}
        {view.canComment && (
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

type CommentProps = {
  comment: CommentView;
  mine: boolean;
  mentionsMe: boolean;
  people: ReadonlyMap<string, Person>;
  mentionable: Person[];
  onSend: Props['onSend'];
};

function Comment({ comment, mine, mentionsMe, people, mentionable, onSend }: CommentProps) {
  const [editing, setEditing] = useState(false);
  return (
    <div className={mentionsMe ? 'comment comment--mentions-me' : 'comment'}>
      <p className="comment__meta">
        <span
          className="avatar avatar--small"
          style={{ background: comment.authorColor }}
          aria-hidden="true"
        >
          {comment.authorName.charAt(0).toUpperCase()}
        </span>
        <strong>{comment.authorName}</strong>{' '}
        <time dateTime={comment.createdAt}>{when(comment.createdAt)}</time>
        {comment.editedAt && <span className="comment__edited"> · edited</span>}
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
        <Body
          text={comment.body}
          mentioned={comment.mentions.flatMap((id) => people.get(id) ?? [])}
        />
      )}
      {mine && !editing && (
        <div className="comment__own">
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
