'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useState, type RefObject } from 'react';
import { newId } from '@/lib/client/ids';
import { layoutInBackground } from '@/lib/client/layout-client';
import type { MapStore, StoreNotice } from '@/lib/client/map-store';
import { createAnchor } from '@/lib/domain/anchor';
import {
  estimateNodeHeight,
  freeSpot,
  NODE_WIDTH,
  type LayoutDirection,
} from '@/lib/domain/layout';
import { MAX_TEXT_LENGTH } from '@/lib/domain/ops';
import type { MapSnapshot, NodeKind, Relation } from '@/lib/domain/types';
import type { QuoteSelection } from '../reader/source-reader';
import type { CanvasEditing } from './argument-canvas';
import type { NodeEditing } from './editor-context';

/** True when a key press belongs to a text field, not to the map's shortcuts. */
export const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** A connection dropped on empty canvas, waiting for the student to choose how the new node relates. */
export type ConnectPrompt = { fromId: string; asReason: boolean; screen: { x: number; y: number } };

/** The kind a new node gets from the way it is connected. */
const KIND_FOR: Record<Relation, NodeKind> = {
  SUPPORTS: 'PREMISE',
  ATTACKS: 'OBJECTION',
  UNDERCUTS: 'OBJECTION',
  REPHRASES: 'CLAIM',
};
const TEXT_FOR: Record<NodeKind, string> = {
  CLAIM: 'New claim',
  PREMISE: 'New premise',
  OBJECTION: 'New objection',
  REBUTTAL: 'New rebuttal',
  EVIDENCE: 'New evidence',
  QUESTION: 'New question',
};

type Options = {
  store: MapStore;
  snapshot: MapSnapshot;
  canEdit: boolean;
  selectedNodeId: string | null;
  /** All selected nodes (several with Shift or Ctrl). */
  selectedNodeIds: string[];
  direction: LayoutDirection;
  setSelectedNodeId: (id: string | null) => void;
  canvasRef: RefObject<HTMLDivElement | null>;
  centreOn: (id: string) => void;
  setNotice: (notice: StoreNotice | null) => void;
};

/**
 * The editor's commands. Every change is a domain op performed on the map
 * store (optimistic, sent, undoable); nothing here writes React Flow state.
 */
export function useMapEditing(options: Options) {
  const {
    store,
    snapshot,
    canEdit,
    selectedNodeId,
    selectedNodeIds,
    direction,
    setSelectedNodeId,
    canvasRef,
    centreOn,
    setNotice,
  } = options;
  const [editingId, setEditingIdState] = useState<string | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const setEditingId = useCallback((id: string | null) => {
    setDraft(null);
    setEditingIdState(id);
  }, []);
  /** Opens a node for editing with a given starting text (after a conflict: both versions merged). */
  const editWith = useCallback((id: string, text: string) => {
    setEditingIdState(id);
    setDraft(text);
  }, []);
  const [connectAs, setConnectAs] = useState<Relation>('SUPPORTS');
  const [layingOut, setLayingOut] = useState(false);
  const [connectPrompt, setConnectPrompt] = useState<ConnectPrompt | null>(null);
  /** The node whose "Connect to…" dialog is open (keyboard connecting). */
  const [connectFrom, setConnectFrom] = useState<string | null>(null);
  const { fitView, screenToFlowPosition, getNodes } = useReactFlow();

  /** The boxes of the drawn nodes, measured by React Flow where it has measured them. */
  const drawnBoxes = useCallback(
    () =>
      getNodes().map((n) => ({
        id: n.id,
        x: n.position.x,
        y: n.position.y,
        width: n.measured?.width ?? NODE_WIDTH,
        height:
          n.measured?.height ??
          estimateNodeHeight(String((n.data as { text?: string }).text ?? ''), false),
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
      const centre = rect
        ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
        : { x: 0, y: 0 };
      const near = beside
        ? { x: beside.x + beside.width + 40, y: beside.y }
        : { x: centre.x - size.width / 2, y: centre.y - size.height / 2 };
      return freeSpot(boxes, near, size);
    },
    [drawnBoxes, selectedNodeId, screenToFlowPosition],
  );

  /** Creates a claim and opens it for typing; `at` is a screen point (a double-click), else a free place. */
  const addClaim = useCallback(
    (at?: { x: number; y: number }) => {
      const height = estimateNodeHeight('New claim', false);
      const spot = at
        ? (({ x, y }) =>
            freeSpot(
              drawnBoxes(),
              { x: x - NODE_WIDTH / 2, y: y - height / 2 },
              { width: NODE_WIDTH, height },
            ))(screenToFlowPosition(at))
        : placeFor('New claim', false);
      const id = newId();
      const ok = store.perform([
        {
          type: 'createNode',
          id,
          kind: 'CLAIM',
          text: 'New claim',
          side: 'NEUTRAL',
          x: spot.x,
          y: spot.y,
          anchor: null,
        },
      ]);
      if (ok) {
        setSelectedNodeId(id);
        setEditingId(id);
      }
    },
    [store, placeFor, drawnBoxes, screenToFlowPosition, setSelectedNodeId],
  );

  /**
   * Finishes a connection dropped on empty canvas: a new node where it was
   * dropped, joined to the node it was dragged from with the chosen relation.
   * One undo step.
   */
  const createConnected = useCallback(
    (prompt: ConnectPrompt, relation: Relation) => {
      setConnectPrompt(null);
      const from = store.getView().nodes.get(prompt.fromId);
      if (!from || from.deleted) return;
      const kind = prompt.asReason ? KIND_FOR[relation] : 'CLAIM';
      const text = TEXT_FOR[kind];
      const height = estimateNodeHeight(text, false);
      const point = screenToFlowPosition(prompt.screen);
      const spot = freeSpot(
        drawnBoxes(),
        { x: point.x - NODE_WIDTH / 2, y: point.y - height / 2 },
        { width: NODE_WIDTH, height },
      );
      const id = newId();
      const ok = store.perform([
        { type: 'createNode', id, kind, text, side: from.side, x: spot.x, y: spot.y, anchor: null },
        {
          type: 'createEdge',
          id: newId(),
          fromId: prompt.asReason ? id : from.id,
          toId: prompt.asReason ? from.id : id,
          relation,
          groupId: null,
        },
      ]);
      if (ok) {
        setSelectedNodeId(id);
        setEditingId(id);
      }
    },
    [store, screenToFlowPosition, drawnBoxes, setSelectedNodeId],
  );

  /** Connects two existing nodes; refuses (with a reason) what the domain refuses. */
  const connect = useCallback(
    (fromId: string, toId: string, relation: Relation) =>
      store.perform([{ type: 'createEdge', id: newId(), fromId, toId, relation, groupId: null }]),
    [store],
  );

  /**
   * Joins the selected premises into one linked argument: their supports of
   * a conclusion they all support get one shared group. One undo step.
   */
  const linkable = useMemo(() => {
    if (selectedNodeIds.length < 2) return null;
    const edges = [...store.getView().edges.values()].filter(
      (e) => !e.deleted && e.relation === 'SUPPORTS',
    );
    const targets = selectedNodeIds.map(
      (id) => new Set(edges.filter((e) => e.fromId === id).map((e) => e.toId)),
    );
    const common = [...targets[0]!].find((t) => targets.every((set) => set.has(t)));
    if (!common) return null;
    return edges.filter((e) => e.toId === common && selectedNodeIds.includes(e.fromId));
    // The view changes with every edit; recompute then too.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedNodeIds, store, store.getSnapshot()]);

  const linkPremises = useCallback(() => {
    if (!linkable) return;
    const groupId = newId();
    store.perform(
      linkable.map((e) => ({
        type: 'updateEdge' as const,
        id: e.id,
        baseVersion: e.version,
        groupId,
      })),
    );
  }, [linkable, store]);

  /** The grouped supports leaving the selected nodes: what "Unlink" would separate. */
  const grouped = useMemo(
    () =>
      [...store.getView().edges.values()].filter(
        (e) => !e.deleted && e.groupId && selectedNodeIds.includes(e.fromId),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selectedNodeIds, store, store.getSnapshot()],
  );
  const unlinkPremises = useCallback(() => {
    if (grouped.length)
      store.perform(
        grouped.map((e) => ({
          type: 'updateEdge' as const,
          id: e.id,
          baseVersion: e.version,
          groupId: null,
        })),
      );
  }, [grouped, store]);

  /** A claim or evidence quoting exactly the passage selected in the reader; its text starts as the quote. */
  const makeFromQuote = useCallback(
    (quote: QuoteSelection, kind: 'CLAIM' | 'EVIDENCE') => {
      const source = snapshot.sources.find((s) => s.id === quote.sourceId);
      if (!source) return;
      const text =
        quote.text.length > MAX_TEXT_LENGTH ? quote.text.slice(0, MAX_TEXT_LENGTH) : quote.text;
      const spot = placeFor(text, true);
      const id = newId();
      const ok = store.perform([
        {
          type: 'createNode',
          id,
          kind,
          text,
          side: source.side,
          x: spot.x,
          y: spot.y,
          anchor: createAnchor(source.id, source.text, quote.start, quote.end),
        },
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
  const autoLayout = useCallback(
    async (towards: LayoutDirection = direction) => {
      setLayingOut(true);
      try {
        const boxes = drawnBoxes();
        const positions = await layoutInBackground(
          { nodes: boxes, edges: [...store.getView().edges.values()].filter((e) => !e.deleted) },
          towards,
        );
        const moves = boxes.flatMap((b) => {
          const p = positions.get(b.id);
          return p && (p.x !== b.x || p.y !== b.y) ? [{ id: b.id, x: p.x, y: p.y }] : [];
        });
        if (moves.length) store.perform([{ type: 'moveNodes', moves }]);
        setTimeout(() => void fitView({ duration: 500, padding: 0.1 }), 450);
      } finally {
        setTimeout(() => setLayingOut(false), 500);
      }
    },
    [drawnBoxes, store, fitView, direction],
  );

  const nodeEditing = useMemo<NodeEditing | null>(() => {
    if (!canEdit) return null;
    return {
      editingId,
      draft,
      cancel: () => setEditingId(null),
      commit: (id, raw) => {
        setEditingId(null);
        const node = store.getView().nodes.get(id);
        const text = raw.trim();
        if (!node || node.deleted || text === node.text) return;
        if (!text)
          return setNotice({
            kind: 'local',
            message: 'A node needs some text, so that edit was not saved.',
          });
        if (text.length > MAX_TEXT_LENGTH)
          return setNotice({
            kind: 'local',
            message: `A node can hold at most ${MAX_TEXT_LENGTH} characters.`,
          });
        store.perform([{ type: 'updateNode', id, baseVersion: node.version, text }]);
      },
    };
  }, [canEdit, editingId, draft, store, setNotice, setEditingId]);

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
        {
          type: 'createEdge',
          id: newId(),
          fromId: id,
          toId: parentId,
          relation: kind === 'PREMISE' ? 'SUPPORTS' : 'ATTACKS',
          groupId: null,
        },
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
      if (node && node.kind !== kind)
        store.perform([{ type: 'updateNode', id: node.id, baseVersion: node.version, kind }]);
    },
    [selectedNodeId, store],
  );

  const changeRelation = useCallback(
    (edgeId: string, relation: Relation) => {
      const edge = store.getView().edges.get(edgeId);
      if (edge && !edge.deleted && edge.relation !== relation)
        store.perform([{ type: 'updateEdge', id: edgeId, baseVersion: edge.version, relation }]);
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
      onConnect: (fromId, toId) => connect(fromId, toId, connectAs),
      onConnectToEmpty: (fromId, asReason, screen) =>
        setConnectPrompt({ fromId, asReason, screen }),
      onReconnect: (edgeId, fromId, toId) => {
        const edge = store.getView().edges.get(edgeId);
        if (edge && !edge.deleted)
          store.perform([
            { type: 'updateEdge', id: edgeId, baseVersion: edge.version, fromId, toId },
          ]);
      },
      onCreateAt: (at) => addClaim(at),
      onEditText: (id) => {
        setSelectedNodeId(id);
        setEditingId(id);
      },
    };
  }, [canEdit, store, connectAs, deleteElements, connect, addClaim, setSelectedNodeId]);

  return {
    editingId,
    setEditingId,
    editWith,
    connectAs,
    setConnectAs,
    layingOut,
    addClaim,
    addReason,
    connect,
    connectPrompt,
    setConnectPrompt,
    createConnected,
    connectFrom,
    setConnectFrom,
    linkPremises: linkable ? linkPremises : null,
    unlinkPremises: grouped.length ? unlinkPremises : null,
    makeFromQuote,
    autoLayout,
    nodeEditing,
    changeKind,
    changeRelation,
    deleteElements,
    canvasEditing,
  };
}
