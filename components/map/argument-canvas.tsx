'use client';

import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  SelectionMode,
  useEdgesState,
  useNodesState,
  type Connection,
  type Edge,
  type EdgeTypes,
  type FinalConnectionState,
  type Node,
  type NodeTypes,
  type OnDelete,
  type OnNodeDrag,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArgumentFlowNode } from '@/lib/client/to-flow';
import { ArgumentNode } from './argument-node';
import { LinkedEdge } from './linked-edge';

const nodeTypes: NodeTypes = { argument: ArgumentNode };
const edgeTypes: EdgeTypes = { linked: LinkedEdge };
/** Ctrl/Cmd-click or Shift-click adds to the selection; Shift-drag on the canvas draws a selection box. */
const MULTI_SELECT_KEYS = ['Meta', 'Control', 'Shift'];

const MINIMAP_COLOR: Record<string, string> = {
  FOR: '#1d4ed8',
  AGAINST: '#c2410c',
  NEUTRAL: '#0f172a',
};

/** What the canvas asks of its owner when someone edits on it. Absent for read-only maps. */
export type CanvasEditing = {
  onMoved: (moves: { id: string; x: number; y: number }[]) => void;
  /** One deletion (by the Delete key): the nodes, and the connections chosen on their own. */
  onDelete: (nodeIds: string[], edgeIds: string[]) => void;
  onConnect: (fromId: string, toId: string) => void;
  /**
   * A connection dragged from a node's handle and dropped on empty canvas.
   * `asReason`: dragged from the side where reasons arrive, so the new node
   * is a reason for `fromId`; otherwise `fromId` bears on the new node.
   */
  onConnectToEmpty: (fromId: string, asReason: boolean, at: { x: number; y: number }) => void;
  onReconnect: (edgeId: string, fromId: string, toId: string) => void;
  /** A double-click on empty canvas, at screen coordinates. */
  onCreateAt: (at: { x: number; y: number }) => void;
  onEditText: (id: string) => void;
};

type Props = {
  nodes: ArgumentFlowNode[];
  edges: Edge[];
  selectedNodeId: string | null;
  /** A connection selected from outside the canvas (a discussion thread about it). */
  selectedEdgeId: string | null;
  /** The selection as React Flow reports it: one node selected gives its id, several or none give null. */
  onSelectNode: (id: string | null) => void;
  onSelectNodes: (ids: string[]) => void;
  /** A lone connection selected (no node), or null. */
  onSelectEdge: (id: string | null) => void;
  /** Nodes the first view is fitted to (all when empty). */
  initialFocus: string[];
  editing: CanvasEditing | null;
  /** Drawn inside the canvas (others' cursors). */
  children?: React.ReactNode;
};

/**
 * The map canvas. React Flow keeps its own node objects (measurements,
 * dragging); the graph itself comes from `nodes` and every change goes back
 * out as a domain op through `editing`, never as React Flow state.
 */
export function ArgumentCanvas({
  nodes: graphNodes,
  edges: graphEdges,
  selectedNodeId,
  selectedEdgeId,
  onSelectNode,
  onSelectNodes,
  onSelectEdge,
  initialFocus,
  editing,
  children,
}: Props) {
  const [nodes, setNodes, onNodesChange] = useNodesState(graphNodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState(graphEdges);

  // Take in graph changes to connections, keeping which one is selected.
  useEffect(() => {
    setEdges((current) => {
      const selected = new Set(current.filter((e) => e.selected).map((e) => e.id));
      return graphEdges.map((e) =>
        selected.has(e.id) ? { ...e, selected: true, reconnectable: !!editing } : e,
      );
    });
  }, [graphEdges, setEdges, editing]);

  // Only a selected connection gets the drag handles at its ends: a thousand
  // edges with two live handles each cost frames when panning.
  const onEdgesChangeReconnectable = useCallback<typeof onEdgesChange>(
    (changes) => {
      onEdgesChange(changes);
      if (!editing || !changes.some((c) => c.type === 'select')) return;
      setEdges((current) =>
        current.map((e) =>
          Boolean(e.reconnectable) === Boolean(e.selected)
            ? e
            : { ...e, reconnectable: Boolean(e.selected) },
        ),
      );
    },
    [onEdgesChange, setEdges, editing],
  );

  // Take in graph changes, keeping what React Flow knows (size, a drag in progress).
  useEffect(() => {
    setNodes((current) => {
      const byId = new Map(current.map((n) => [n.id, n]));
      return graphNodes.map((n) => {
        const known = byId.get(n.id);
        if (!known) return { ...n, selected: n.id === selectedNodeId };
        return {
          ...known,
          data: n.data,
          ariaLabel: n.ariaLabel,
          hidden: n.hidden,
          position: known.dragging ? known.position : n.position,
        };
      });
    });
    // Selection is synchronised by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graphNodes, setNodes]);

  // The workspace owns the single selection (the reader and search change it
  // too). A value React Flow itself just reported is already drawn: applying
  // it again would undo a multi-selection, which reports null.
  const reported = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (selectedNodeId === reported.current) return;
    setNodes((current) =>
      current.map((n) =>
        n.selected === (n.id === selectedNodeId) ? n : { ...n, selected: n.id === selectedNodeId },
      ),
    );
  }, [selectedNodeId, setNodes]);

  const reportedEdge = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (selectedEdgeId === reportedEdge.current) return;
    setEdges((current) =>
      current.map((e) =>
        Boolean(e.selected) === (e.id === selectedEdgeId)
          ? e
          : {
              ...e,
              selected: e.id === selectedEdgeId,
              reconnectable: !!editing && e.id === selectedEdgeId,
            },
      ),
    );
    // Only a change of the selection from outside is applied.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedEdgeId, setEdges]);

  const onSelectionChange = useCallback(
    ({ nodes: selected, edges: selectedEdges }: OnSelectionChangeParams) => {
      const single = selected.length === 1 ? selected[0]!.id : null;
      const edge =
        selected.length === 0 && selectedEdges.length === 1 ? selectedEdges[0]!.id : null;
      reported.current = single;
      reportedEdge.current = edge;
      onSelectNode(single);
      onSelectNodes(selected.map((n) => n.id));
      onSelectEdge(edge);
    },
    [onSelectNode, onSelectNodes, onSelectEdge],
  );

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
      // Dropped on another node's body rather than its handle: not "empty canvas".
      if (event.target instanceof Element && event.target.closest('.react-flow__node')) return;
      const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
      editing?.onConnectToEmpty(state.fromNode.id, state.fromHandle.type === 'target', {
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

  const minimapColor = useCallback(
    (n: ArgumentFlowNode) => MINIMAP_COLOR[n.data.side] ?? '#475569',
    [],
  );
  // Every reader can select a connection: to discuss it or note it, if not to edit it.
  const defaultEdgeOptions = useMemo(() => ({ focusable: true, selectable: true }), []);
  // Fitted once, on first render: later changes of focus move the view
  // explicitly. An empty map is not fitted at all: React Flow would run the
  // pending fit when the first node appears and centre the origin instead.
  const [fitViewOptions] = useState(() => ({
    padding: 0.15,
    maxZoom: 1,
    ...(initialFocus.length > 0 && { nodes: initialFocus.map((id) => ({ id })) }),
  }));
  const [fitOnStart] = useState(() => graphNodes.length > 0);

  return (
    <ReactFlow<ArgumentFlowNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChangeReconnectable}
      onSelectionChange={onSelectionChange}
      onNodeDragStop={editing ? onNodeDragStop : undefined}
      onDelete={editing ? onDelete : undefined}
      onConnect={editing ? onConnect : undefined}
      onNodeDoubleClick={editing ? onNodeDoubleClick : undefined}
      onConnectEnd={editing ? onConnectEnd : undefined}
      onReconnect={editing ? onReconnect : undefined}
      onDoubleClick={editing ? onDoubleClick : undefined}
      deleteKeyCode={editing ? ['Delete', 'Backspace'] : null}
      zoomOnDoubleClick={!editing}
      defaultEdgeOptions={defaultEdgeOptions}
      nodesDraggable={!!editing}
      nodesConnectable={!!editing}
      edgesReconnectable={false}
      elementsSelectable
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      selectionMode={SelectionMode.Partial}
      fitView={fitOnStart}
      fitViewOptions={fitViewOptions}
      minZoom={0.1}
      maxZoom={2}
      aria-label="Argument map"
    >
      <Background gap={24} color="#e2e8f0" />
      {graphNodes.length === 0 && (
        <Panel position="top-center" className="canvas__empty">
          <p>
            <strong>This map is empty.</strong>
          </p>
          <p>
            {editing
              ? 'Add a claim with “+ Add claim” (or press N, or double-click here), or select a passage in a source to quote it.'
              : 'Nothing has been added to it yet.'}
          </p>
        </Panel>
      )}
      <Controls showInteractive={false} position="bottom-left" />
      <MiniMap<ArgumentFlowNode>
        nodeColor={minimapColor}
        pannable
        zoomable
        ariaLabel="Overview of the whole map"
      />
      {children}
    </ReactFlow>
  );
}
