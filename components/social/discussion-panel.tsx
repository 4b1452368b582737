'use client';

import { useMemo, useState } from 'react';
import { newId } from '@/lib/client/ids';
import type { CommentView, SocialView, TSocialOpInput } from '@/lib/domain/social';
import type { GraphNode } from '@/lib/domain/types';

type Props = {
  view: SocialView;
  nodes: GraphNode[];
  selectedNodeId: string | null;
  currentUserId: string | null;
  /** Members who can be @mentioned. */
  onSend: (ops: TSocialOpInput[]) => Promise<boolean>;
  onJump: (nodeId: string) => void;
};

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** @name mentions are shown highlighted; bodies are always text, never HTML. */
function Body({ text }: { text: string }) {
  const parts = text.split(/(@[\p{L}\p{N}_.-]+)/u);
  return (
    <p className="comment__body">
      {parts.map((part, i) =>
        part.startsWith('@') ? (
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
 * Threads visible to every member of the map. With a node selected: its
 * threads, replies and a box for a new one; otherwise every open thread of
 * the map, newest first, each jumping to its node.
 */
export function DiscussionPanel({ view, nodes, selectedNodeId, currentUserId, onSend, onJump }: Props) {
  const roots = useMemo(() => view.comments.filter((c) => !c.parentId), [view.comments]);
  const repliesOf = useMemo(() => {
    const map = new Map<string, CommentView[]>();
    for (const c of view.comments) if (c.parentId) map.set(c.parentId, [...(map.get(c.parentId) ?? []), c]);
    return map;
  }, [view.comments]);
  const text = useMemo(() => new Map(nodes.map((n) => [n.id, n.text])), [nodes]);
  const selected = selectedNodeId ? text.get(selectedNodeId) : undefined;

  if (!selectedNodeId || selected === undefined) {
    const open = roots.filter((c) => !c.resolved && c.nodeId && text.has(c.nodeId)).reverse();
    return (
      <section className="social" aria-label="Open threads">
        <h2 className="social__title">Open threads ({open.length})</h2>
        {open.length === 0 ? (
          <p className="social__empty">No open threads. Select a node to start a discussion about it.</p>
        ) : (
          <ul className="thread-list">
            {open.map((c) => (
              <li key={c.id}>
                <button type="button" className="thread-list__item" onClick={() => onJump(c.nodeId!)}>
                  <span className="thread-list__node">{short(text.get(c.nodeId!) ?? '', 70)}</span>
                  <span className="thread-list__meta">
                    {c.authorName}: {short(c.body, 90)} · {(repliesOf.get(c.id)?.length ?? 0) + 1} {(repliesOf.get(c.id)?.length ?? 0) ? 'comments' : 'comment'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }

  const threads = roots.filter((c) => c.nodeId === selectedNodeId);
  return (
    <section className="social" aria-label="Discussion of the selected node">
      <h2 className="social__title">Discussion of “{short(selected, 60)}”</h2>
      {threads.length === 0 && <p className="social__empty">No comments on this node yet.</p>}
      {threads.map((root) => (
        <Thread key={root.id} root={root} replies={repliesOf.get(root.id) ?? []} view={view} currentUserId={currentUserId} onSend={onSend} />
      ))}
      {view.canComment ? (
        <CommentForm
          label="New comment"
          submit="Comment"
          onSubmit={(body) => onSend([{ type: 'addComment', id: newId(), nodeId: selectedNodeId, body }])}
        />
      ) : (
        <p className="social__empty">You can read the discussion; commenting needs the comment or edit role.</p>
      )}
    </section>
  );
}

function Thread({ root, replies, view, currentUserId, onSend }: { root: CommentView; replies: CommentView[]; view: SocialView; currentUserId: string | null; onSend: Props['onSend'] }) {
  const [replying, setReplying] = useState(false);
  return (
    <article className={root.resolved ? 'thread thread--resolved' : 'thread'} aria-label={`Thread started by ${root.authorName}`}>
      {[root, ...replies].map((c) => (
        <Comment key={c.id} comment={c} mine={c.authorId === currentUserId} onSend={onSend} />
      ))}
      <div className="thread__actions">
        {root.resolved && <span className="badge">Resolved</span>}
        {view.canComment && !root.resolved && (
          <button type="button" className="link-button" onClick={() => setReplying((r) => !r)}>
            Reply
          </button>
        )}
        {view.canComment && (
          <button type="button" className="link-button" onClick={() => void onSend([{ type: 'resolveThread', id: root.id, resolved: !root.resolved }])}>
            {root.resolved ? 'Reopen thread' : 'Resolve thread'}
          </button>
        )}
      </div>
      {replying && (
        <CommentForm
          label="Reply"
          submit="Reply"
          onSubmit={async (body) => {
            const ok = await onSend([{ type: 'addComment', id: newId(), parentId: root.id, body }]);
            if (ok) setReplying(false);
            return ok;
          }}
        />
      )}
    </article>
  );
}

function Comment({ comment, mine, onSend }: { comment: CommentView; mine: boolean; onSend: Props['onSend'] }) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="comment">
      <p className="comment__meta">
        <span className="avatar avatar--small" style={{ background: comment.authorColor }} aria-hidden="true">
          {comment.authorName.charAt(0).toUpperCase()}
        </span>
        <strong>{comment.authorName}</strong> <time dateTime={comment.createdAt}>{when(comment.createdAt)}</time>
        {comment.editedAt && <span className="comment__edited"> · edited</span>}
      </p>
      {editing ? (
        <CommentForm
          label="Edit comment"
          submit="Save"
          initial={comment.body}
          onSubmit={async (body) => {
            const ok = await onSend([{ type: 'editComment', id: comment.id, body, baseVersion: comment.version }]);
            if (ok) setEditing(false);
            return ok;
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Body text={comment.body} />
      )}
      {mine && !editing && (
        <div className="comment__own">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="link-button link-button--danger" onClick={() => void onSend([{ type: 'deleteComment', id: comment.id }])}>
            Delete
          </button>
        </div>
      )}
    </div>
  );
}

function CommentForm({ label, submit, initial = '', onSubmit, onCancel }: { label: string; submit: string; initial?: string; onSubmit: (body: string) => Promise<boolean>; onCancel?: () => void }) {
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="comment-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!body.trim()) return;
        setBusy(true);
        const ok = await onSubmit(body);
        setBusy(false);
        if (ok && !initial) setBody('');
      }}
    >
      <label className="field">
        <span>{label}</span>
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={3} maxLength={2000} placeholder="Type @ and a name to mention someone" />
      </label>
      <div className="comment-form__actions">
        {onCancel && (
          <button type="button" className="button button--quiet button--small" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button--small" disabled={busy || !body.trim()}>
          {busy ? 'Sending…' : submit}
        </button>
      </div>
    </form>
  );
}

function short(text: string, length: number) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
