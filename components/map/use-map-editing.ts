'use client';

import { useCallback, useMemo, type RefObject } from 'react';
import { holdTypingForNewCard } from '@/lib/client/shortcuts';
import type { MapStore, StoreNotice } from '@/lib/client/map-store';
import type { FlowDirection } from '@/lib/client/to-flow';
import type { GraphState } from '@/lib/domain/ops';
import { normalizeTags } from '@/lib/domain/tags';
import type { SectionsView } from '@/lib/domain/sections';
import type { NodeKind, SourceDoc } from '@/lib/domain/types';
import type { CanvasEditing } from './argument-canvas';
import { useAutoLayout } from './use-auto-layout';
import { useConnecting } from './use-connecting';
import { useNodeCreation } from './use-node-creation';
import { useNodePlacement } from './use-node-placement';
import { useSectionEditing } from './use-section-editing';
import { usePremiseLinks } from './use-premise-links';
import { useTextEditing } from './use-text-editing';

type Options = {
  store: MapStore;
  /** The map as this tab has it now (the store's view). */
  view: GraphState;
  sources: SourceDoc[];
  canEdit: boolean;
  selectedNodeId: string | null;
  /** All selected nodes (several with Shift or Ctrl). */
  selectedNodeIds: string[];
  direction: FlowDirection;
  /** The map's sections, kept together by the auto-layout; absent: none. */
  sections?: SectionsView;
  setSelectedNodeId: (id: string | null) => void;
  canvasRef: RefObject<HTMLDivElement | null>;
  setNotice: (notice: StoreNotice | null) => void;
};

/**
 * The editor's commands, gathered from one hook per job (placing and making
 * cards, connecting, linked premises, text editing, layout). Every change is
 * a domain op performed on the map store (optimistic, sent, undoable);
 * nothing here writes React Flow state.
 */
export function useMapEditing(options: Options) {
  const { store, view, canEdit, selectedNodeId, selectedNodeIds, setSelectedNodeId, canvasRef } =
    options;
  const placement = useNodePlacement(selectedNodeId, canvasRef, options.direction);
  const text = useTextEditing({
    store,
    canEdit,
    setNotice: options.setNotice,
    select: setSelectedNodeId,
  });
  const { setEditingId } = text;
  const openNew = useCallback(
    (id: string) => {
      holdTypingForNewCard();
      setSelectedNodeId(id);
      setEditingId(id);
    },
    [setSelectedNodeId, setEditingId],
  );
  const creation = useNodeCreation({
    store,
    sources: options.sources,
    placement,
    openNew,
  });
  const connecting = useConnecting(store);
  const links = usePremiseLinks(store, view, selectedNodeIds);
  const layout = useAutoLayout(store, placement.drawnBoxes, options.direction, options.sections);
  const sections = useSectionEditing(store);

  const changeKind = useCallback(
    (kind: NodeKind) => {
      const node = selectedNodeId ? store.getView().nodes.get(selectedNodeId) : undefined;
      if (node && node.kind !== kind)
        store.perform([{ type: 'updateNode', id: node.id, baseVersion: node.version, kind }]);
    },
    [selectedNodeId, store],
  );

  /**
   * Sets a card's tags (normalised: trimmed, no repeats ignoring case). The
   * edit expects the tags the card has now, so two people tagging one card at
   * once do not overwrite each other: the later is refused as stale.
   */
  const setTags = useCallback(
    (id: string, tags: string[]) => {
      const node = store.getView().nodes.get(id);
      const next = normalizeTags(tags);
      if (!node || JSON.stringify(next) === JSON.stringify(node.tags)) return;
      store.perform([{ type: 'updateNode', id, expect: { tags: node.tags }, tags: next }]);
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

  const { connect, connectAs, setConnectPrompt, reconnect } = connecting;
  const { addClaim } = creation;
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
        setConnectPrompt({
          fromId,
          asReason,
          screen,
          container: canvasRef.current?.getBoundingClientRect() ?? null,
        }),
      onReconnect: reconnect,
      onCreateAt: (at) => addClaim(at),
      onEditText: (id: string) => {
        setSelectedNodeId(id);
        setEditingId(id);
      },
    };
  }, [
    canEdit,
    store,
    connectAs,
    deleteElements,
    connect,
    setConnectPrompt,
    reconnect,
    addClaim,
    setSelectedNodeId,
    setEditingId,
    canvasRef,
  ]);

  return {
    ...text,
    ...creation,
    ...connecting,
    ...links,
    ...layout,
    ...sections,
    changeKind,
    setTags,
    deleteElements,
    canvasEditing,
  };
}

/** The editor's commands; see {@link useMapEditing}. */
export type MapEditing = ReturnType<typeof useMapEditing>;
