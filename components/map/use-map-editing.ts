'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { newId } from '@/lib/client/ids';
import type { MapStore, StoreNotice } from '@/lib/client/map-store';
import { createAnchor } from '@/lib/domain/anchor';
import { estimateNodeHeight, freeSpot, layoutGraph, NODE_WIDTH } from '@/lib/domain/layout';
import { MAX_TEXT_LENGTH } from '@/lib/domain/ops';
import type { MapSnapshot, NodeKind, Relation } from '@/lib/domain/types';
import type { QuoteSelection } from '../reader/source-reader';
import type { CanvasEditing } from './argument-canvas';
import type { NodeEditing } from './editor-context';

/** True when a key press belongs to a text field, not to the map's shortcuts. */
export const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The id of the node `target` belongs to, if React Flow shows it selected. */
function selectedNodeAt(target: EventTarget | null): string | null {
  const element = target instanceof Element ? target.closest('.react-flow__node') : null;
  return element?.classList.contains('selected') ? element.getAttribute('data-id') : null;
}

type Options = {
  store: MapStore;
  snapshot: MapSnapshot;
  canEdit: boolean;
  selectedNodeId: string | null;
  setSelectedNodeId: (id: string | null) => void;
  canvasRef: RefObject<HTMLDivElement | null>;
  centreOn: (id: string) => void;
  setNotice: (notice: StoreNotice | null) => void;
};

/**
 * The editor's commands. Every change is a domain op performed on the map
 * store (optimistic, sent, undoable); nothing here writes React Flow state.
 */
export function useMapEditing({ store, snapshot, canEdit, selectedNodeId, setSelectedNodeId, canvasRef, centreOn, setNotice }: Options) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const [connectAs, setConnectAs] = useState<Relation>('SUPPORTS');
  const [layingOut, setLayingOut] = useState(false);
  const { fitView, screenToFlowPosition, getNodes } = useReactFlow();

  /** The boxes of the drawn nodes, measured by React Flow where it has measured them. */
  const drawnBoxes = useCallback(
    () =>
      getNodes().map((n) => ({
        id: n.id,
        x: n.position.x,
        y: n.position.y,
        width: n.measured?.width ?? NODE_WIDTH,
        height: n.measured?.height ?? estimateNodeHeight(String((n.data as { text?: string }).text ?? ''), false),
      })),
    [getNodes],
  );

  /** A free place for a new card: beside the selected node, else in the middle of the view. */
  const placeFor = useCallback(
    (text: string, hasSource: boolean) => {
      const size = { width: NODE_WIDTH, height: estimateNodeHeight(text, hasSource) };
      const boxes = drawnBoxes();
      const beside = boxes.find((b) => b.id === selectedNodeId);
      const rect = canvasRef.current?.getBoundingClientRect();
      const centre = rect ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
      const near = beside ? { x: beside.x + beside.width + 40, y: beside.y } : { x: centre.x - size.width / 2, y: centre.y - size.height / 2 };
      return freeSpot(boxes, near, size);
    },
    [drawnBoxes, selectedNodeId, screenToFlowPosition],
  );

  const addClaim = useCallback(() => {
    const spot = placeFor('New claim', false);
    const id = newId();
    const ok = store.perform([{ type: 'createNode', id, kind: 'CLAIM', text: 'New claim', side: 'NEUTRAL', x: spot.x, y: spot.y, anchor: null }]);
    if (ok) {
      setSelectedNodeId(id);
      setEditingId(id);
    }
  }, [store, placeFor]);

  /** A claim or evidence quoting exactly the passage selected in the reader; its text starts as the quote. */
  const makeFromQuote = useCallback(
    (quote: QuoteSelection, kind: 'CLAIM' | 'EVIDENCE') => {
      const source = snapshot.sources.find((s) => s.id === quote.sourceId);
      if (!source) return;
      const text = quote.text.length > MAX_TEXT_LENGTH ? quote.text.slice(0, MAX_TEXT_LENGTH) : quote.text;
      const spot = placeFor(text, true);
      const id = newId();
      const ok = store.perform([
        { type: 'createNode', id, kind, text, side: source.side, x: spot.x, y: spot.y, anchor: createAnchor(source.id, source.text, quote.start, quote.end) },
      ]);
      if (ok) {
        setSelectedNodeId(id);
        setEditingId(id);
        centreOn(id);
      }
    },
    [snapshot.sources, placeFor, store, centreOn],
  );

  /** Lays the whole map out with ELK and applies it as one move, so it can be undone. */
  const autoLayout = useCallback(async () => {
    setLayingOut(true);
    try {
      const boxes = drawnBoxes();
      const positions = await layoutGraph({ nodes: boxes, edges: [...store.getView().edges.values()].filter((e) => !e.deleted) });
      const moves = boxes.flatMap((b) => {
        const p = positions.get(b.id);
        return p && (p.x !== b.x || p.y !== b.y) ? [{ id: b.id, x: p.x, y: p.y }] : [];
      });
      if (moves.length) store.perform([{ type: 'moveNodes', moves }]);
      setTimeout(() => void fitView({ duration: 500, padding: 0.1 }), 450);
    } finally {
      setTimeout(() => setLayingOut(false), 500);
    }
  }, [drawnBoxes, store, fitView]);

  const nodeEditing = useMemo<NodeEditing | null>(() => {
    if (!canEdit) return null;
    return {
      editingId,
      cancel: () => setEditingId(null),
      commit: (id, raw) => {
        setEditingId(null);
        const node = store.getView().nodes.get(id);
        const text = raw.trim();
        if (!node || node.deleted || text === node.text) return;
        if (!text) return setNotice({ kind: 'local', message: 'A node needs some text, so that edit was not saved.' });
        if (text.length > MAX_TEXT_LENGTH) return setNotice({ kind: 'local', message: `A node can hold at most ${MAX_TEXT_LENGTH} characters.` });
        store.perform([{ type: 'updateNode', id, baseVersion: node.version, text }]);
      },
    };
  }, [canEdit, editingId, store, setNotice]);

  /** Tab: a premise supporting the selected node; Shift+Tab: an objection to it. One undo step. */
  const addReason = useCallback(
    (parentId: string, kind: 'PREMISE' | 'OBJECTION') => {
      const parent = drawnBoxes().find((b) => b.id === parentId);
      if (!parent) return;
      const text = kind === 'PREMISE' ? 'New premise' : 'New objection';
      const size = { width: NODE_WIDTH, height: estimateNodeHeight(text, false) };
      const spot = freeSpot(drawnBoxes(), { x: parent.x, y: parent.y + parent.height + 70 }, size);
      const id = newId();
      const ok = store.perform([
        { type: 'createNode', id, kind, text, side: 'NEUTRAL', x: spot.x, y: spot.y, anchor: null },
        { type: 'createEdge', id: newId(), fromId: id, toId: parentId, relation: kind === 'PREMISE' ? 'SUPPORTS' : 'ATTACKS', groupId: null },
      ]);
      if (ok) {
        setSelectedNodeId(id);
        setEditingId(id);
      }
    },
    [drawnBoxes, store, setSelectedNodeId],
  );

  const changeKind = useCallback(
    (kind: NodeKind) => {
      const node = selectedNodeId ? store.getView().nodes.get(selectedNodeId) : undefined;
      if (node && node.kind !== kind) store.perform([{ type: 'updateNode', id: node.id, baseVersion: node.version, kind }]);
    },
    [selectedNodeId, store],
  );

  const changeRelation = useCallback(
    (edgeId: string, relation: Relation) => {
      const edge = store.getView().edges.get(edgeId);
      if (edge && !edge.deleted && edge.relation !== relation) store.perform([{ type: 'updateEdge', id: edgeId, baseVersion: edge.version, relation }]);
    },
    [store],
  );

  /**
   * Deletes nodes and connections as one undo step. A node's own connections
   * go with it (deleteNode takes them, and its undo brings them back), so only
   * connections that touch none of the deleted nodes get ops of their own.
   */
  const deleteElements = useCallback(
    (nodeIds: string[], edgeIds: string[] = []) => {
      const doomed = new Set(nodeIds);
      const edges = store.getView().edges;
      const loneEdges = edgeIds.filter((id) => {
        const e = edges.get(id);
        return e && !e.deleted && !doomed.has(e.fromId) && !doomed.has(e.toId);
      });
      const ops = [
        ...loneEdges.map((id) => ({ type: 'deleteEdge' as const, id })),
        ...nodeIds.map((id) => ({ type: 'deleteNode' as const, id })),
      ];
      if (ops.length) store.perform(ops);
    },
    [store],
  );

  const canvasEditing = useMemo<CanvasEditing | null>(() => {
    if (!canEdit) return null;
    return {
      onMoved: (moves) => {
        const current = store.getView().nodes;
        const changed = moves.filter((m) => {
          const n = current.get(m.id);
          return n && (n.x !== m.x || n.y !== m.y);
        });
        if (changed.length) store.perform([{ type: 'moveNodes', moves: changed }]);
      },
      onDelete: deleteElements,
      onConnect: (fromId, toId) => {
        store.perform([{ type: 'createEdge', id: newId(), fromId, toId, relation: connectAs, groupId: null }]);
      },
      onEditText: (id) => {
        setSelectedNodeId(id);
        setEditingId(id);
      },
    };
  }, [canEdit, store, connectAs, deleteElements]);

  // Keyboard: undo/redo anywhere outside a text field; Enter edits the selected node; N adds a claim.
  useEffect(() => {
    if (!canEdit) return;
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) store.redo();
        else store.undo();
      } else if (mod && key === 'y') {
        event.preventDefault();
        store.redo();
      } else if (!mod && !event.altKey && key === 'n') {
        event.preventDefault();
        addClaim();
      } else if (!mod && !event.altKey && key === 'l') {
        event.preventDefault();
        void autoLayout();
      } else if (key === 'enter' || key === 'escape' || (key === 'tab' && !mod)) {
        // Read from the DOM, not from React state: the selection reaches our
        // state through React Flow's effects, possibly after this key press.
        const id = selectedNodeAt(event.target);
        if (!id) return;
        if (key === 'escape') return setSelectedNodeId(null);
        event.preventDefault();
        if (key === 'enter') {
          setSelectedNodeId(id);
          setEditingId(id);
        } else {
          addReason(id, event.shiftKey ? 'OBJECTION' : 'PREMISE');
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [canEdit, store, addClaim, autoLayout, addReason, setSelectedNodeId]);

  return {
    editingId,
    setEditingId,
    connectAs,
    setConnectAs,
    layingOut,
    addClaim,
    makeFromQuote,
    autoLayout,
    nodeEditing,
    changeKind,
    changeRelation,
    deleteElements,
    canvasEditing,
  };
}
