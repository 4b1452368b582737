'use client';

import { useMemo } from 'react';
import { newId } from '@/lib/client/ids';
import type { SocialView, TSocialOpInput } from '@/lib/domain/social';
import type { GraphEdge, GraphNode } from '@/lib/domain/types';
import { CommentForm } from './comment-form';
import { short, type Focus } from './focus';
import { OpenThreads } from './open-threads';
import panel from './panel.module.css';
import { Thread } from './thread';
import { useThreads } from './use-threads';

type Props = {
  view: SocialView;
  nodes: GraphNode[];
  edges: GraphEdge[];
  focus: Focus | null;
  currentUserId: string | null;
  onSend: (ops: TSocialOpInput[]) => Promise<boolean>;
  onJump: (target: { kind: 'NODE' | 'EDGE'; id: string }) => void;
};

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
  const { roots, repliesOf, subjectOf } = useThreads(view.comments, nodes, edges);
  const people = useMemo(() => new Map(view.people.map((p) => [p.id, p])), [view.people]);
  // Whom the picker offers: everyone on the map but the writer.
  const mentionable = useMemo(
    () => view.people.filter((p) => p.id !== currentUserId),
    [view.people, currentUserId],
  );

  if (!focus)
    return (
      <OpenThreads
        roots={roots}
        repliesOf={repliesOf}
        subjectOf={subjectOf}
        currentUserId={currentUserId}
        onJump={onJump}
      />
    );

  const threads = roots.filter((c) => (focus.kind === 'NODE' ? c.nodeId : c.edgeId) === focus.id);
  const what = focus.kind === 'NODE' ? 'node' : 'connection';
  return (
    <section className={panel.panel} aria-label={`Discussion of the selected ${what}`}>
      <h2 className={panel.title}>
        {focus.kind === 'NODE'
          ? `Discussion of “${short(focus.label, 60)}”`
          : `Discussion of the connection ${focus.label}`}
      </h2>
      {threads.length === 0 && <p className={panel.empty}>No comments on this {what} yet.</p>}
      {threads.map((root) => (
        <Thread
          key={root.id}
          root={root}
          replies={repliesOf.get(root.id) ?? []}
          canComment={view.canComment}
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
        <p className={panel.empty}>
          You can read the discussion; commenting needs the comment or edit role.
        </p>
      )}
    </section>
  );
}
