'use client';

import {
  useEdgesState,
  useNodesState,
  type Edge,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef } from 'react';
import type { ArgumentFlowNode } from '@/lib/client/to-flow';
import { withTabStop } from './canvas-focus';

type Options = {
  graphNodes: ArgumentFlowNode[];
  graphEdges: Edge[];
  selectedNodeId: string | null;
  selectedEdgeId: string | null;
  onSelectNode: (id: string | null) => void;
  onSelectNodes: (ids: string[]) => void;
  onSelectEdge: (id: string | null) => void;
  /** Whether the reader may edit: only then does a selected connection get drag handles. */
  editable: boolean;
  /** The card Tab comes to while none is selected (the motion), if any. */
  entryNodeId: string | null;
};

/**
 * React Flow's own copy of the nodes and edges (it keeps measurements, drags
 * and selection there), kept in step with the graph and with the selection
 * the workspace owns, in both directions.
 */
export function useCanvasState({
  graphNodes,
  graphEdges,
  selectedNodeId,
  selectedEdgeId,
  onSelectNode,
  onSelectNodes,
  onSelectEdge,
  editable,
  entryNodeId,
}: Options) {
  const [nodes, setNodes, onAllNodesChanges] = useNodesState(graphNodes);
  const [edges, setEdges, onAllEdgesChanges] = useEdgesState(graphEdges);
  // A card or connection leaves the canvas when it leaves the graph, never on React Flow's
  // word: the Delete key asks the editor (onDelete), which may hold it as a suggestion or
  // refuse it, and then it is still there.
  const onNodesChange = useCallback<typeof onAllNodesChanges>(
    (changes) => onAllNodesChanges(changes.filter((c) => c.type !== 'remove')),
    [onAllNodesChanges],
  );
  const onEdgesChange = useCallback<typeof onAllEdgesChanges>(
    (changes) => onAllEdgesChanges(changes.filter((c) => c.type !== 'remove')),
    [onAllEdgesChanges],
  );

  // Take in graph changes to connections, keeping which one is selected.
  useEffect(() => {
    setEdges((current) => {
      const selected = new Set(current.filter((e) => e.selected).map((e) => e.id));
      return graphEdges.map((e) =>
        selected.has(e.id) ? { ...e, selected: true, reconnectable: editable } : e,
      );
    });
  }, [graphEdges, setEdges, editable]);

  // Only a selected connection gets the drag handles at its ends: a thousand
  // edges with two live handles each cost frames when panning.
  const onEdgesChangeReconnectable = useCallback<typeof onEdgesChange>(
    (changes) => {
      onEdgesChange(changes);
      if (!editable || !changes.some((c) => c.type === 'select')) return;
      setEdges((current) =>
        current.map((e) =>
          Boolean(e.reconnectable) === Boolean(e.selected)
            ? e
            : { ...e, reconnectable: Boolean(e.selected) },
        ),
      );
    },
    [onEdgesChange, setEdges, editable],
  );

  // A node new to the canvas starts selected if it is the selection (a card
  // just made); the selection of known nodes is synchronised below.
  const selectionNow = useEffectEvent(() => selectedNodeId);

  // Take in graph changes, keeping what React Flow knows (size, a drag in progress).
  useEffect(() => {
    const selectedId = selectionNow();
    setNodes((current) => {
      const byId = new Map(current.map((n) => [n.id, n]));
      return graphNodes.map((n) => {
        const known = byId.get(n.id);
        if (!known) return { ...n, selected: n.id === selectedId };
        return {
          ...known,
          data: n.data,
          ariaLabel: n.ariaLabel,
          hidden: n.hidden,
          position: known.dragging ? known.position : n.position,
        };
      });
    });
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

  // Only a change of the selection from outside is applied; whether the
  // reader may edit is read then, not watched (the effect above handles that).
  const editableNow = useEffectEvent(() => editable);
  const reportedEdge = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (selectedEdgeId === reportedEdge.current) return;
    const canReconnect = editableNow();
    setEdges((current) =>
      current.map((e) =>
        Boolean(e.selected) === (e.id === selectedEdgeId)
          ? e
          : {
              ...e,
              selected: e.id === selectedEdgeId,
              reconnectable: canReconnect && e.id === selectedEdgeId,
            },
      ),
    );
  }, [selectedEdgeId, setEdges]);

  // One card in the tab order: the selected one, else the entry card, else the first shown.
  const tabStop = useMemo(() => {
    const shown = (id: string | null) => graphNodes.some((n) => n.id === id && !n.hidden);
    if (shown(selectedNodeId)) return selectedNodeId;
    if (shown(entryNodeId)) return entryNodeId;
    return graphNodes.find((n) => !n.hidden)?.id ?? null;
  }, [graphNodes, selectedNodeId, entryNodeId]);
  useEffect(() => {
    setNodes((current) => withTabStop(current, tabStop, selectedNodeId));
  }, [graphNodes, tabStop, selectedNodeId, setNodes]);

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

  return {
    nodes,
    edges,
    onNodesChange,
    onEdgesChange: onEdgesChangeReconnectable,
    onSelectionChange,
  };
}
