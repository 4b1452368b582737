'use client';

import { useCallback, useMemo } from 'react';
import type { CommentView } from '@/lib/domain/social';
import type { GraphEdge, GraphNode } from '@/lib/domain/types';
import { edgeLabel, short } from './focus';

/** What a thread is about, as the open-threads list names it and jumps to it. */
export type ThreadSubject = { kind: 'NODE' | 'EDGE'; id: string; label: string };

/**
 * A map's comments arranged as threads: the roots in the order they came,
 * each root's replies, and what each thread is about (null for a thread on
 * something since deleted, which the lists leave out).
 */
export function useThreads(
  comments: readonly CommentView[],
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
) {
  const roots = useMemo(() => comments.filter((c) => !c.parentId), [comments]);
  const repliesOf = useMemo(() => {
    const map = new Map<string, CommentView[]>();
    for (const c of comments)
      if (c.parentId) map.set(c.parentId, [...(map.get(c.parentId) ?? []), c]);
    return map;
  }, [comments]);
  const text = useMemo(() => new Map(nodes.map((n) => [n.id, n.text])), [nodes]);
  const edgeById = useMemo(
    () =>
      new Map(edges.filter((e) => text.has(e.fromId) && text.has(e.toId)).map((e) => [e.id, e])),
    [edges, text],
  );
  const subjectOf = useCallback(
    (c: CommentView): ThreadSubject | null => {
      if (c.nodeId)
        return text.has(c.nodeId)
          ? { kind: 'NODE', id: c.nodeId, label: short(text.get(c.nodeId)!, 70) }
          : null;
      const edge = c.edgeId ? edgeById.get(c.edgeId) : undefined;
      return edge
        ? { kind: 'EDGE', id: edge.id, label: `Connection: ${edgeLabel(edge, text, 30)}` }
        : null;
    },
    [text, edgeById],
  );
  return { roots, repliesOf, subjectOf };
}
