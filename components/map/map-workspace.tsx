'use client';

import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { newId } from '@/lib/client/ids';
import { sourceLabel, toFlowEdges, toFlowNodes } from '@/lib/client/to-flow';
import { useMapStore } from '@/lib/client/use-map-store';
import { createAnchor } from '@/lib/domain/anchor';
import { estimateNodeHeight, freeSpot, layoutGraph, NODE_WIDTH } from '@/lib/domain/layout';
import { MAX_TEXT_LENGTH } from '@/lib/domain/ops';
import type { MapSnapshot, NodeKind, Relation, Side } from '@/lib/domain/types';
import { SourceReader, type QuoteSelection } from '../reader/source-reader';
import { ArgumentCanvas, type CanvasEditing } from './argument-canvas';
import { NodeEditingContext, type NodeEditing } from './editor-context';
import { EditorToolbar } from './editor-toolbar';
import { Legend } from './legend';
import { NodeSearch } from './node-search';

type Props = { snapshot: MapSnapshot; initialNodeId: string | null; canEdit: boolean };

export function MapWorkspace(props: Props) {
  return (
    <ReactFlowProvider>
      <Workspace {...props} />
    </ReactFlowProvider>
  );
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function Workspace({ snapshot, initialNodeId, canEdit }: Props) {
  const { store, state, notice, setNotice } = useMapStore(snapshot);
  const { view } = state;
  const liveNodes = useMemo(() => [...view.nodes.values()].filter((n) => !n.deleted), [view]);
  const liveEdges = useMemo(() => [...view.edges.values()].filter((e) => !e.deleted), [view]);
  const known = (id: string | null) => (id && view.nodes.get(id) && !view.nodes.get(id)!.deleted ? id : null);

  const [selectedNodeId, setSelectedNodeId] = useState<string | null>(known(initialNodeId));
  const [editingId, setEditingId] = useState<string | null>(null);
  const [connectAs, setConnectAs] = useState<Relation>('SUPPORTS');
  const { fitView, screenToFlowPosition, getNodes } = useReactFlow();
  const [layingOut, setLayingOut] = useState(false);
  const canvasRef = useRef<HTMLDivElement>(null);

  const flowNodes = useMemo(() => toFlowNodes({ nodes: liveNodes, sources: snapshot.sources }), [liveNodes, snapshot.sources]);
  const flowEdges = useMemo(() => toFlowEdges(liveEdges, liveNodes), [liveEdges, liveNodes]);
  const selected = selectedNodeId ? view.nodes.get(selectedNodeId) : undefined;

  // A selected node that disappears (deleted, undone) is no longer selected.
  useEffect(() => {
    if (selectedNodeId && (!selected || selected.deleted)) setSelectedNodeId(null);
  }, [selected, selectedNodeId]);

  const centreOn = useCallback(
    (id: string) => void fitView({ nodes: [{ id }], duration: 400, maxZoom: 1.1, padding: 0.6 }),
    [fitView],
  );
  const onSelectQuote = useCallback(
    (id: string) => {
      setSelectedNodeId(id);
      centreOn(id);
    },
    [centreOn],
  );

  const [initialFocus] = useState(() => {
    const target = known(initialNodeId);
    return target ? [target] : startingView(snapshot);
  });

  // ── Editing: every change is a domain op performed on the store ──

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

  const changeKind = useCallback(
    (kind: NodeKind) => {
      const node = selectedNodeId ? store.getView().nodes.get(selectedNodeId) : undefined;
      if (node && node.kind !== kind) store.perform([{ type: 'updateNode', id: node.id, baseVersion: node.version, kind }]);
    },
    [selectedNodeId, store],
  );

  const deleteNodes = useCallback((ids: string[]) => ids.forEach((id) => store.perform([{ type: 'deleteNode', id }])), [store]);

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
      onDeleteNodes: deleteNodes,
      onDeleteEdges: (ids) => store.perform(ids.map((id) => ({ type: 'deleteEdge' as const, id }))),
      onConnect: (fromId, toId) => {
        store.perform([{ type: 'createEdge', id: newId(), fromId, toId, relation: connectAs, groupId: null }]);
      },
      onEditText: (id) => {
        setSelectedNodeId(id);
        setEditingId(id);
      },
    };
  }, [canEdit, store, connectAs, deleteNodes]);

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
      } else if (key === 'enter' && selectedNodeId && (event.target as HTMLElement | null)?.closest?.('.react-flow__node')) {
        event.preventDefault();
        setEditingId(selectedNodeId);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [canEdit, store, addClaim, autoLayout, selectedNodeId]);

  // "/" jumps to the search box, for everyone.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        document.getElementById('node-search')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const sides = useMemo(() => legendSides(snapshot), [snapshot]);

  return (
    <main className="workspace">
      <div className="workspace__bar">
        <h1>{snapshot.title}</h1>
        <p className="workspace__motion">
          Motion: <strong>{snapshot.motion}</strong>
        </p>
        <NodeSearch nodes={liveNodes} onFound={onSelectQuote} />
        <Legend sides={sides} />
        {canEdit && (
          <EditorToolbar
            selectedKind={selected && !selected.deleted ? selected.kind : null}
            connectAs={connectAs}
            canUndo={state.canUndo}
            canRedo={state.canRedo}
            saving={state.saving}
            onAdd={addClaim}
            onLayout={() => void autoLayout()}
            layingOut={layingOut}
            onEdit={() => selectedNodeId && setEditingId(selectedNodeId)}
            onChangeKind={changeKind}
            onDelete={() => selectedNodeId && deleteNodes([selectedNodeId])}
            onConnectAs={setConnectAs}
            onUndo={() => store.undo()}
            onRedo={() => store.redo()}
          />
        )}
      </div>
      {notice && (
        <div className={`notice notice--${notice.kind}`} role={notice.kind === 'local' ? 'status' : 'alert'}>
          <span>{notice.message}</span>
          <button type="button" className="notice__close" onClick={() => setNotice(null)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
      <div className="workspace__body">
        <div className={layingOut ? 'canvas canvas--animating' : 'canvas'} ref={canvasRef}>
          <NodeEditingContext.Provider value={nodeEditing}>
            <ArgumentCanvas
              nodes={flowNodes}
              edges={flowEdges}
              selectedNodeId={selectedNodeId}
              onSelectNode={setSelectedNodeId}
              initialFocus={initialFocus}
              editing={canvasEditing}
            />
          </NodeEditingContext.Provider>
        </div>
        <SourceReader
          sources={snapshot.sources}
          nodes={liveNodes}
          selectedNodeId={selectedNodeId}
          onSelectQuote={onSelectQuote}
          onMakeNode={canEdit ? makeFromQuote : undefined}
        />
      </div>
    </main>
  );
}

/**
 * Where a reader starts: the map's conclusions (nodes that bear on nothing
 * else) and the reasons that bear on them directly.
 */
function startingView(snapshot: MapSnapshot): string[] {
  const bearsOnSomething = new Set(snapshot.edges.map((e) => e.fromId));
  const roots = new Set(snapshot.nodes.filter((n) => !bearsOnSomething.has(n.id)).map((n) => n.id));
  const focus = new Set(roots);
  for (const e of snapshot.edges) if (roots.has(e.toId)) focus.add(e.fromId);
  return [...focus];
}

/** One legend line per side present: its sources and teams. */
function legendSides(snapshot: MapSnapshot): { side: Side; label: string }[] {
  const order: Side[] = ['FOR', 'AGAINST', 'NEUTRAL'];
  const present = new Set<Side>([...snapshot.nodes.map((n) => n.side), 'NEUTRAL']);
  return order
    .filter((side) => present.has(side))
    .map((side) => {
      const names = [
        ...snapshot.sources.filter((s) => s.side === side).map(sourceLabel),
        ...snapshot.teams.filter((t) => t.side === side).map((t) => t.name),
      ];
      const base = side === 'FOR' ? 'For' : side === 'AGAINST' ? 'Against' : 'Motion and our own';
      return { side, label: names.length ? `${base}: ${names.join(' · ')}` : base };
    });
}
