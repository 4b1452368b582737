'use client';

import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { newId } from '@/lib/client/ids';
import { toFlowEdges, toFlowNodes, type Watcher } from '@/lib/client/to-flow';
import { initialGraph, useMapStore } from '@/lib/client/use-map-store';
import { useMapSync } from '@/lib/client/use-map-sync';
import { useSocial } from '@/lib/client/use-social';
import { usePresence } from '@/lib/client/use-presence';
import type { MapSnapshot, Side } from '@/lib/domain/types';
import { ArgumentCanvas } from './argument-canvas';
import { ConnectDialog } from './connect-dialog';
import { legendSides, sideLabels, startingView } from './map-sides';
import type { HistoryItem } from '@/lib/domain/history';
import type { GraphState } from '@/lib/domain/ops';
import { ConflictDialog } from './conflict-dialog';
import { ExportMenu } from './export-menu';
import { HistoryPanel } from './history-panel';
import { MapSidePanel } from './map-side-panel';
import { SocialUndoBar } from '../social/social-undo-bar';
import { ConnectPrompt } from './connect-prompt';
import { NodeEditingContext } from './editor-context';
import { EditorToolbar } from './editor-toolbar';
import { Legend } from './legend';
import { MapFilter, showEverything, type MapFilterState } from './map-filter';
import { NodeSearch } from './node-search';
import { PresenceBar, RemoteCursors } from './presence-bar';
import { ShortcutsHelp } from './shortcuts-help';
import { useGraphNavigation } from './use-graph-navigation';
import { isTyping, useMapEditing } from './use-map-editing';
import { useMapShortcuts } from './use-map-shortcuts';
import { useMapView } from './use-map-view';
import { useTeamLayers } from './use-team-layers';
import { MapViewContext } from './view-context';

type Props = {
  snapshot: MapSnapshot;
  initialNodeId: string | null;
  /** Set when the map was opened through a view link: API calls carry it. */
  shareToken?: string | null;
};

export function MapWorkspace(props: Props) {
  return (
    <ReactFlowProvider>
      <Workspace {...props} />
    </ReactFlowProvider>
  );
}

function Workspace({ snapshot, initialNodeId, shareToken = null }: Props) {
  const { store, state, notice, setNotice } = useMapStore(snapshot, shareToken);
  // Looking at the map as it was at an earlier change: read-only until "Back to now".
  const [past, setPast] = useState<{ item: HistoryItem; graph: GraphState } | null>(null);
  const canEdit = snapshot.canEdit && !past;
  const view = past?.graph ?? state.view;
  const liveNodes = useMemo(() => [...view.nodes.values()].filter((n) => !n.deleted), [view]);
  const liveEdges = useMemo(() => [...view.edges.values()].filter((e) => !e.deleted), [view]);
  const known = (id: string | null) =>
    id && view.nodes.get(id) && !view.nodes.get(id)!.deleted ? id : null;

  const [selectedNodeId, setSelectedNodeId] = useState<string | null>(known(initialNodeId));
  const [selectedNodeIds, setSelectedNodeIds] = useState<string[]>([]);
  const [selectedEdgeId, setSelectedEdgeId] = useState<string | null>(null);
  const selectedEdge = selectedEdgeId ? view.edges.get(selectedEdgeId) : undefined;
  const { fitView, screenToFlowPosition } = useReactFlow();
  const canvasRef = useRef<HTMLDivElement>(null);

  // Everyone else's edits, and who is here.
  const [clientId] = useState(() => newId());
  const reportSocialError = useCallback(
    (message: string) => setNotice({ kind: 'refused', message }),
    [setNotice],
  );
  const social = useSocial({ mapId: snapshot.id, shareToken, onError: reportSocialError });
  const { status, others } = useMapSync({
    store,
    mapId: snapshot.id,
    shareToken,
    clientId,
    setNotice,
    onSocial: social.refresh,
  });
  const layers = useTeamLayers(social.view);
  const { openThreads, layerBadges } = layers;
  const { reportCursor } = usePresence({
    mapId: snapshot.id,
    clientId,
    shareToken,
    selection: selectedNodeId,
  });
  const present = useMemo(() => [...others.values()], [others]);
  const watchers = useMemo(() => {
    const byNode = new Map<string, Watcher[]>();
    for (const p of present)
      if (p.selection)
        byNode.set(p.selection, [
          ...(byNode.get(p.selection) ?? []),
          { name: p.name, color: p.color },
        ]);
    return byNode;
  }, [present]);

  const [filter, setFilter] = useState<MapFilterState>(showEverything);
  const shown = (n: { side: Side; kind: (typeof liveNodes)[number]['kind'] }) =>
    filter.sides.has(n.side) && filter.kinds.has(n.kind);
  const hiddenCount = liveNodes.filter((n) => !shown(n)).length;
  const liveIds = useMemo(() => liveNodes.map((n) => n.id), [liveNodes]);
  const mapView = useMapView({ mapId: snapshot.id, nodeIds: liveIds, edges: liveEdges, setNotice });
  const { direction, collapsed, reasons, hidden } = mapView;
  const flowNodes = useMemo(
    () =>
      toFlowNodes(
        { nodes: liveNodes, sources: snapshot.sources },
        { direction, collapsed, reasons, watchers, openThreads, layerBadges },
      ).map((n) => (shown(n.data) && !hidden.has(n.id) ? n : { ...n, hidden: true })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      liveNodes,
      snapshot.sources,
      filter,
      direction,
      collapsed,
      reasons,
      hidden,
      watchers,
      openThreads,
      layerBadges,
    ],
  );
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
  const onSelectEdge = useCallback(
    (id: string) => {
      const edge = view.edges.get(id);
      if (!edge || edge.deleted) return;
      setSelectedNodeId(null);
      setSelectedEdgeId(id);
      void fitView({
        nodes: [{ id: edge.fromId }, { id: edge.toId }],
        duration: 400,
        maxZoom: 1.1,
        padding: 0.4,
      });
    },
    [view, fitView],
  );

  const [initialFocus] = useState(() => {
    const target = known(initialNodeId);
    return target ? [target] : startingView(snapshot);
  });

  useGraphNavigation(liveNodes, liveEdges, onSelectQuote);

  const editing = useMapEditing({
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
  });
  // One undo for the reader's own changes: of the map, or of comments and notes, whichever came last.
  const undo = useCallback(() => {
    if (social.undoAt > store.undoAt) void social.undo();
    else store.undo();
  }, [social, store]);
  const redo = useCallback(() => {
    if (social.redoAt > store.redoAt) void social.redo();
    else store.redo();
  }, [social, store]);
  // Without edit rights only comments and notes can be undone.
  const undoOwn = canEdit ? undo : social.undo;
  const redoOwn = canEdit ? redo : social.redo;
  useMapShortcuts({
    undo: () => void undoOwn(),
    redo: () => void redoOwn(),
    editing: canEdit ? editing : null,
    selectedNodeId,
    setSelectedNodeId,
    toggleCollapsed: mapView.toggleCollapsed,
    toggleFocus: mapView.toggleFocus,
  });
  // Focusing on a claim frames its neighbourhood; leaving focus frames the map.
  const { focusId } = mapView;
  // Not on first render: the first view is the deep-linked node or the map's conclusions.
  const focusChanged = useRef(false);
  useEffect(() => {
    if (!focusChanged.current) {
      focusChanged.current = true;
      return;
    }
    const timer = setTimeout(() => void fitView({ duration: 400, padding: 0.2, maxZoom: 1 }), 50);
    return () => clearTimeout(timer);
  }, [focusId, fitView]);
  const focused = focusId ? view.nodes.get(focusId) : undefined;
  const connectFrom = editing.connectFrom ? view.nodes.get(editing.connectFrom) : undefined;
  const promptFrom = editing.connectPrompt
    ? view.nodes.get(editing.connectPrompt.fromId)
    : undefined;

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
        <div className="workspace__heading">
          <h1>{snapshot.title}</h1>
          <p className="workspace__motion" title={snapshot.motion}>
            Motion: <strong>{snapshot.motion}</strong>
          </p>
          {!canEdit && (
            <p className="badge workspace__readonly">
              {shareToken ? 'Read-only view, shared by link' : 'Read-only'}
            </p>
          )}
        </div>
        <div className="workspace__tools">
          <PresenceBar others={present} status={status} />
          <NodeSearch nodes={liveNodes} social={social.view} onFound={onSelectQuote} />
          {snapshot.canManage && (
            <nav className="workspace__links" aria-label="Map settings">
              <Link href={`/maps/${snapshot.id}/teams`} className="button button--quiet">
                Teams
              </Link>
              <Link href={`/maps/${snapshot.id}/share`} className="button button--quiet">
                Share
              </Link>
            </nav>
          )}
          {!shareToken && (
            <ExportMenu
              mapId={snapshot.id}
              title={snapshot.title}
              canBackup={social.view?.viewerId != null}
              onError={reportSocialError}
            />
          )}
          <HistoryPanel
            mapId={snapshot.id}
            shareToken={shareToken}
            onShow={async (item) => {
              const response = await fetch(
                `/api/maps/${encodeURIComponent(snapshot.id)}?at=${item.seq}`,
                {
                  headers: shareToken ? { 'x-share-token': shareToken } : {},
                },
              );
              if (!response.ok)
                return setNotice({
                  kind: 'local',
                  message: 'That point in the history could not be shown.',
                });
              setPast({ item, graph: initialGraph((await response.json()) as MapSnapshot) });
            }}
          />
          <ShortcutsHelp canEdit={canEdit} />
        </div>
        <div className="workspace__legend-row">
          <Legend sides={sides} />
          <MapFilter
            filter={filter}
            onChange={setFilter}
            sideLabels={sideLabels(sides)}
            hiddenCount={hiddenCount}
          />
        </div>
        {canEdit && (
          <EditorToolbar
            selectedKind={selected && !selected.deleted ? selected.kind : null}
            selectedRelation={selectedEdge && !selectedEdge.deleted ? selectedEdge.relation : null}
            onChangeRelation={(relation) =>
              selectedEdgeId && editing.changeRelation(selectedEdgeId, relation)
            }
            onDeleteEdge={() => {
              if (selectedEdgeId) editing.deleteElements([], [selectedEdgeId]);
              setSelectedEdgeId(null);
            }}
            connectAs={editing.connectAs}
            direction={direction}
            onDirection={(next) => {
              mapView.setDirection(next);
              void editing.autoLayout(next);
            }}
            onConnectTo={() => selectedNodeId && editing.setConnectFrom(selectedNodeId)}
            onLinkPremises={editing.linkPremises}
            onUnlinkPremises={editing.unlinkPremises}
            selectionSize={selectedNodeIds.length}
            canUndo={state.canUndo || social.undoAt >= 0}
            canRedo={state.canRedo || social.redoAt >= 0}
            saving={state.saving}
            onAdd={() => editing.addClaim()}
            onLayout={() => void editing.autoLayout()}
            layingOut={editing.layingOut}
            onEdit={() => selectedNodeId && editing.setEditingId(selectedNodeId)}
            onChangeKind={editing.changeKind}
            onDelete={() =>
              editing.deleteElements(
                selectedNodeIds.length > 1
                  ? selectedNodeIds
                  : selectedNodeId
                    ? [selectedNodeId]
                    : [],
              )
            }
            onConnectAs={editing.setConnectAs}
            onUndo={undo}
            onRedo={redo}
          />
        )}
        {!canEdit && <SocialUndoBar social={social} />}
      </div>
      {notice && !(notice.conflict && canEdit) && (
        <div
          className={`notice notice--${notice.kind}`}
          role={notice.kind === 'local' ? 'status' : 'alert'}
        >
          <span>{notice.message}</span>
          <button
            type="button"
            className="notice__close"
            onClick={() => setNotice(null)}
            aria-label="Dismiss message"
          >
            ×
          </button>
        </div>
      )}
      <div className="workspace__body">
        <div
          className={editing.layingOut ? 'canvas canvas--animating' : 'canvas'}
          ref={canvasRef}
          onMouseMove={(event) =>
            reportCursor(screenToFlowPosition({ x: event.clientX, y: event.clientY }))
          }
          onMouseLeave={() => reportCursor(null)}
        >
          <MapViewContext.Provider value={mapView.mapView}>
            <NodeEditingContext.Provider value={editing.nodeEditing}>
              <ArgumentCanvas
                nodes={flowNodes}
                edges={flowEdges}
                selectedNodeId={selectedNodeId}
                selectedEdgeId={selectedEdgeId}
                onSelectNode={setSelectedNodeId}
                onSelectNodes={setSelectedNodeIds}
                onSelectEdge={setSelectedEdgeId}
                initialFocus={initialFocus}
                editing={editing.canvasEditing}
              >
                <RemoteCursors others={present} />
              </ArgumentCanvas>
            </NodeEditingContext.Provider>
          </MapViewContext.Provider>
          {past && (
            <div className="canvas__overlay canvas__overlay--top">
              <div className="focus-banner past-banner" role="status">
                <p>
                  The map as it was after change {past.item.seq}: {past.item.who}{' '}
                  {past.item.summary}
                </p>
                <button type="button" className="button" onClick={() => setPast(null)}>
                  Back to now
                </button>
              </div>
            </div>
          )}
          {focused && !past && (
            <div className="canvas__overlay canvas__overlay--top">
              <div className="focus-banner" role="status">
                <p>
                  Focus on “{focused.text}” · showing {liveNodes.length - hidden.size} of{' '}
                  {liveNodes.length} nodes
                </p>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => mapView.toggleFocus(null)}
                  aria-keyshortcuts="F"
                >
                  Show whole map
                </button>
              </div>
            </div>
          )}
          {editing.connectPrompt && promptFrom && (
            <ConnectPrompt
              prompt={editing.connectPrompt}
              container={canvasRef.current?.getBoundingClientRect() ?? null}
              fromText={promptFrom.text}
              onChoose={(relation) =>
                editing.connectPrompt && editing.createConnected(editing.connectPrompt, relation)
              }
              onCancel={() => editing.setConnectPrompt(null)}
            />
          )}
        </div>
        {notice?.conflict && canEdit && (
          <ConflictDialog
            conflict={notice.conflict}
            onKeepTheirs={() => setNotice(null)}
            onUseMine={() => {
              const { nodeId, mine } = notice.conflict!;
              const node = store.getView().nodes.get(nodeId);
              setNotice(null);
              if (node && !node.deleted)
                store.perform([
                  { type: 'updateNode', id: nodeId, baseVersion: node.version, text: mine },
                ]);
            }}
            onMerge={() => {
              const { nodeId, mine, theirs } = notice.conflict!;
              setNotice(null);
              editing.editWith(nodeId, `${theirs.text}\n\n${mine}`);
            }}
          />
        )}
        {connectFrom && !connectFrom.deleted && (
          <ConnectDialog
            from={connectFrom}
            nodes={liveNodes}
            initialRelation={editing.connectAs}
            onConnect={(toId, relation) => {
              editing.setConnectFrom(null);
              if (editing.connect(connectFrom.id, toId, relation)) onSelectQuote(connectFrom.id);
            }}
            onClose={() => editing.setConnectFrom(null)}
          />
        )}
        <MapSidePanel
          snapshot={snapshot}
          nodes={liveNodes}
          edges={liveEdges}
          selectedNodeId={selectedNodeId}
          selectedEdgeId={selectedEdgeId}
          onSelect={onSelectQuote}
          onSelectEdge={onSelectEdge}
          onMakeNode={canEdit ? editing.makeFromQuote : undefined}
          social={social}
          layers={layers}
        />
      </div>
    </main>
  );
}
