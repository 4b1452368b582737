'use client';

import type {
  Connection,
  Edge,
  FinalConnectionState,
  Node,
  OnDelete,
  OnNodeDrag,
} from '@xyflow/react';
import { useCallback } from 'react';
import type { ArgumentFlowNode } from '@/lib/client/to-flow';
import type { CanvasEditing } from './argument-canvas';

/**
 * React Flow's editing events, translated into the canvas's requests to its
 * owner (`CanvasEditing`): never into React Flow state. Every handler is
 * undefined on a read-only map, so React Flow offers none of it.
 */
export function useCanvasHandlers(editing: CanvasEditing | null) {
  const onNodeDragStop = useCallback<OnNodeDrag<ArgumentFlowNode>>(
    (_event, _node, dragged) => {
      editing?.onMoved(
        dragged.map((n) => ({
          id: n.id,
          x: Math.round(n.position.x),
          y: Math.round(n.position.y),
        })),
      );
    },
    [editing],
  );
  const onDelete = useCallback<OnDelete<ArgumentFlowNode, Edge>>(
    ({ nodes: deletedNodes, edges: deletedEdges }) =>
      editing?.onDelete(
        deletedNodes.map((n) => n.id),
        deletedEdges.map((e) => e.id),
      ),
    [editing],
  );
  const onConnect = useCallback(
    (c: Connection) => editing?.onConnect(c.source, c.target),
    [editing],
  );
  const onNodeDoubleClick = useCallback(
    (_event: React.MouseEvent, node: Node) => editing?.onEditText(node.id),
    [editing],
  );
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.fromHandle) return;
      const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
      // Dragged from the side where reasons arrive: the other end is a reason for this node.
      const asReason = state.fromHandle.type === 'target';
      // React Flow connects only on the few pixels of a handle: a drop
      // anywhere on another card's body connects to that card too.
      const onCard = document
        .elementFromPoint(point.clientX, point.clientY)
        ?.closest<HTMLElement>('.react-flow__node');
      if (onCard) {
        const toId = onCard.dataset.id;
        if (toId && toId !== state.fromNode.id)
          editing?.onConnect(
            asReason ? toId : state.fromNode.id,
            asReason ? state.fromNode.id : toId,
          );
        return;
      }
      editing?.onConnectToEmpty(state.fromNode.id, asReason, {
        x: point.clientX,
        y: point.clientY,
      });
    },
    [editing],
  );
  const onReconnect = useCallback(
    (old: Edge, connection: Connection) => {
      if (old.source !== connection.source || old.target !== connection.target)
        editing?.onReconnect(old.id, connection.source, connection.target);
    },
    [editing],
  );
  const onDoubleClick = useCallback(
    (event: React.MouseEvent) => {
      if (event.target instanceof Element && event.target.classList.contains('react-flow__pane')) {
        editing?.onCreateAt({ x: event.clientX, y: event.clientY });
      }
    },
    [editing],
  );

  if (!editing) return {};
  return {
    onNodeDragStop,
    onDelete,
    onConnect,
    onNodeDoubleClick,
    onConnectEnd,
    onReconnect,
    onDoubleClick,
  };
}
