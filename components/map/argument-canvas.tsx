'use client';

import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  SelectionMode,
  type Edge,
  type EdgeTypes,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo } from 'react';
import type { ArgumentFlowNode } from '@/lib/client/to-flow';
import { OverviewIcon } from '@/components/ui/icons';
import styles from './argument-canvas.module.css';
import { CANVAS_ARIA_LABELS, CANVAS_FLOW_ID } from './canvas-focus';
import { ArgumentNode } from './argument-node';
import { LinkedEdge } from './linked-edge';
import { MutualEdge } from './mutual-edge';
import { RelationEdge } from './relation-edge';
import { useCanvasHandlers } from './use-canvas-handlers';
import { useCanvasState } from './use-canvas-state';
import { isOnOff, useStoredState } from './use-stored-state';

const nodeTypes: NodeTypes = { argument: ArgumentNode };
const edgeTypes: EdgeTypes = { relation: RelationEdge, linked: LinkedEdge, mutual: MutualEdge };
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
  editing: CanvasEditing | null;
  /** The card Tab comes to while none is selected (the motion). */
  entryNodeId?: string | null;
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
  editing,
  entryNodeId = null,
  children,
}: Props) {
  const canvas = useCanvasState({
    graphNodes,
    graphEdges,
    selectedNodeId,
    selectedEdgeId,
    onSelectNode,
    onSelectNodes,
    onSelectEdge,
    editable: !!editing,
    entryNodeId,
  });
  const handlers = useCanvasHandlers(editing);

  const minimapColor = useCallback(
    (n: ArgumentFlowNode) => MINIMAP_COLOR[n.data.side] ?? '#475569',
    [],
  );
  // The overview can cover cards in the canvas's corner: a reader may hide it, in this browser for every map.
  const [overview, setOverview] = useStoredState<'on' | 'off'>(
    'counterpoint:overview',
    'on',
    isOnOff,
  );
  // Every reader can select a connection: to discuss it or note it, if not to edit it.
  const defaultEdgeOptions = useMemo(() => ({ focusable: true, selectable: true }), []);
  return (
    <ReactFlow<ArgumentFlowNode>
      {...canvas}
      {...handlers}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
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
      minZoom={0.1}
      maxZoom={2}
      id={CANVAS_FLOW_ID}
      aria-label="Argument map"
      ariaLabelConfig={CANVAS_ARIA_LABELS}
    >
      <Background gap={24} color="#e2e8f0" />
      {graphNodes.length === 0 && (
        <Panel position="top-center" className={styles.empty}>
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
      <Controls showInteractive={false} position="bottom-left">
        <ControlButton
          className={styles.overviewToggle}
          onClick={() => setOverview(overview === 'on' ? 'off' : 'on')}
          aria-label="Overview"
          aria-pressed={overview === 'on'}
          title={overview === 'on' ? 'Hide the overview' : 'Show the overview'}
        >
          <OverviewIcon />
        </ControlButton>
      </Controls>
      {overview === 'on' && (
        <MiniMap<ArgumentFlowNode>
          nodeColor={minimapColor}
          pannable
          zoomable
          ariaLabel="Overview of the whole map"
        />
      )}
      {children}
    </ReactFlow>
  );
}
