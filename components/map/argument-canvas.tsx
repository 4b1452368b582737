'use client';

import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesState,
  type Edge,
  type NodeTypes,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ArgumentFlowNode } from '@/lib/client/to-flow';
import { ArgumentNode } from './argument-node';

const nodeTypes: NodeTypes = { argument: ArgumentNode };

const MINIMAP_COLOR: Record<string, string> = { FOR: '#1d4ed8', AGAINST: '#c2410c', NEUTRAL: '#0f172a' };

type Props = {
  initialNodes: ArgumentFlowNode[];
  edges: Edge[];
  selectedNodeId: string | null;
  onSelectNode: (id: string | null) => void;
  /** Nodes the first view is fitted to (all when empty). */
  initialFocus: string[];
};

/** The read-only map canvas: pan, zoom, select; no editing yet. */
export function ArgumentCanvas({ initialNodes, edges, selectedNodeId, onSelectNode, initialFocus }: Props) {
  const [nodes, setNodes, onNodesChange] = useNodesState(initialNodes);

  // The workspace owns the selection (the reader changes it too).
  useEffect(() => {
    setNodes((current) =>
      current.map((n) => (n.selected === (n.id === selectedNodeId) ? n : { ...n, selected: n.id === selectedNodeId })),
    );
  }, [selectedNodeId, setNodes]);

  const onSelectionChange = useCallback(
    ({ nodes: selected }: OnSelectionChangeParams) => {
      if (selected.length === 1) onSelectNode(selected[0]!.id);
      else if (selected.length === 0) onSelectNode(null);
    },
    [onSelectNode],
  );

  const minimapColor = useCallback((n: ArgumentFlowNode) => MINIMAP_COLOR[n.data.side] ?? '#475569', []);
  const defaultEdgeOptions = useMemo(() => ({ focusable: true, selectable: false }), []);
  // Fitted once, on first render: later changes of focus move the view explicitly.
  const [fitViewOptions] = useState(() => ({
    padding: 0.15,
    maxZoom: 1,
    nodes: initialFocus.map((id) => ({ id })),
  }));

  return (
    <ReactFlow<ArgumentFlowNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onSelectionChange={onSelectionChange}
      defaultEdgeOptions={defaultEdgeOptions}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesReconnectable={false}
      elementsSelectable
      multiSelectionKeyCode={null}
      fitView
      fitViewOptions={fitViewOptions}
      minZoom={0.1}
      maxZoom={2}
      aria-label="Argument map"
    >
      <Background gap={24} color="#e2e8f0" />
      <Controls showInteractive={false} position="bottom-left" />
      <MiniMap<ArgumentFlowNode> nodeColor={minimapColor} pannable zoomable ariaLabel="Overview of the whole map" />
    </ReactFlow>
  );
}
