'use client';

import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useMemo, useRef, useState } from 'react';
import { OutlineView } from '../outline/outline-view';
import { ArgumentPanel } from '../reasoning/argument-panel';
import { StandsLegend, StandsToggle, useWhatStands, WeighControl } from '../reasoning/stands';
import { ImpactToggle } from '../votes/impact-toggle';
import { useVoting } from '../votes/use-voting';
import { useWorkspaceView, ViewToggle } from '../outline/view-toggle';
import { region, useRegionCycle } from '@/lib/client/regions';
import { useMapSources } from '@/lib/client/use-map-sources';
import { useMapStore } from '@/lib/client/use-map-store';
import { useModeration } from '@/lib/client/use-moderation';
import { withText } from '@/lib/domain/moderation/suggestions';
import { teamWeights, weighChoices } from '@/lib/domain/reasoning/weighing';
import type { TOp } from '@/lib/domain/ops';
import { SuggestDialog } from '../moderation/suggest-dialog';
import { useHeldStore } from '../moderation/use-held-store';
import type { MapSnapshot } from '@/lib/domain/types';
import { ArgumentCanvas } from './argument-canvas';
import { useCardMenu } from './card-menu';
import { CompactBar } from './compact-bar';
import { FocusBanner, PastBanner } from './canvas-banners';
import { NodeEditingContext } from './editor-context';
import { ConnectPromptOver, EditingDialogs } from './editing-dialogs';
import { Legend } from './legend';
import { MapSkeleton } from './map-skeleton';
import { MapFilter } from './map-filter';
import { nodesInSection, SectionFrames, SectionsFilter, useFrameSection } from './section-frames';
import { AnonymousBanner } from './anonymous-mode';
import { MapNotice } from './map-notice';
import { MapSidePanel } from './map-side-panel';
import { canvasRegion, MapWords, SkipLinks } from './map-words';
import { NodeDecorationsContext, useNodeDecorations } from './node-decorations';
import { PanelSheet } from './panel-sheet';
import { legendSides, sideLabels, startingView } from './map-sides';
import { RemoteCursors } from './presence-bar';
import { Presenting } from './presenting/presenting';
import { useAnnouncements } from './use-announcements';
import { useCollaboration } from './use-collaboration';
import { useConnectionNavigation } from './use-connection-navigation';
import { useFlowElements } from './use-flow-elements';
import { useGraphNavigation } from './use-graph-navigation';
import { useMapEditing } from './use-map-editing';
import { useMapShortcuts } from './use-map-shortcuts';
import { useFirstView } from './use-first-view';
import { useFrameOnFocus, useMapView } from './use-map-view';
import { usePastView } from './use-past-view';
import { liveId, useSelection } from './use-selection';
import { useSheet } from './use-sheet';
import { MapViewContext } from './view-context';
import { WorkspaceHeading, WorkspaceTools } from './workspace-header';
import { WorkspaceToolbar } from './workspace-toolbar';
import styles from './workspace.module.css';
import { sectionsViewOf } from '@/lib/domain/sections';
import { tagsInUse } from '@/lib/domain/tags';

type Props = {
  snapshot: MapSnapshot;
  initialNodeId: string | null;
  /** A link to one of the map's sources: shown first in the reader. */
  initialSourceId?: string | null;
  /** Set when the map was opened through a view link: API calls carry it. */
  shareToken?: string | null;
};

/**
 * A map open for work: the bar (title, tools, legend, editing toolbar), the
 * canvas, and the column beside it (sources, discussion, team notes).
 */
export function MapWorkspace(props: Props) {
  return (
    <ReactFlowProvider>
      <Workspace {...props} />
    </ReactFlowProvider>
  );
}

function Workspace({ snapshot, initialNodeId, initialSourceId = null, shareToken = null }: Props) {
  const { store, state, notice, setNotice } = useMapStore(snapshot, shareToken);
  const {
    past,
    show: showPast,
    leave: leavePast,
  } = usePastView(snapshot.id, shareToken, setNotice);
  const canEdit = snapshot.canEdit && !past;
  // Until the canvas shows the map (the page's script loaded, the cards
  // measured and framed) it shows a skeleton and editing is off: on a slow
  // connection the bar is drawn long before any of its buttons would work.
  const [shown, setShown] = useState(false);
  const editable = canEdit && shown;
  const view = past?.graph ?? state.view;
  const liveNodes = useMemo(() => [...view.nodes.values()].filter((n) => !n.deleted), [view]);
  const liveEdges = useMemo(() => [...view.edges.values()].filter((e) => !e.deleted), [view]);
  const selection = useSelection(view, initialNodeId);
  const { selectedNodeId, selectedEdgeId, goToNode } = selection;
  const { screenToFlowPosition } = useReactFlow();
  const canvasRef = useRef<HTMLDivElement>(null);
  // Small screens: the bar's tools behind "Menu", the side panel in a drawer.
  const menu = useSheet({ closeOutside: true });
  const panel = useSheet({ focusFirst: '[role="tab"][aria-selected="true"]' });

  const { sources, refresh: refreshSources } = useMapSources(
    snapshot.id,
    snapshot.sources,
    shareToken,
    liveNodes,
  );
  const voting = useVoting(snapshot.id, shareToken, setNotice);
  const moderation = useModeration(snapshot.id, shareToken);
  // A new card a held writer asked for: worded in the suggestion dialog, never put on the map.
  const [suggesting, setSuggesting] = useState<TOp[] | null>(null);
  const editStore = useHeldStore({
    store,
    held: !!moderation.view?.held,
    onNewCard: setSuggesting,
    suggest: moderation.suggest,
    setNotice,
  });
  const flagCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of moderation.view?.flags ?? [])
      counts.set(f.nodeId, (counts.get(f.nodeId) ?? 0) + 1);
    return counts;
  }, [moderation.view]);
  const collaboration = useCollaboration({
    mapId: snapshot.id,
    shareToken,
    store,
    setNotice,
    selection: selectedNodeId,
    onSources: () => void refreshSources(),
    onVotes: () => void voting.votes.refresh(),
    onModeration: moderation.changed,
  });
  const { social, layers, presence, reportCursor } = collaboration;
  const liveIds = useMemo(() => liveNodes.map((n) => n.id), [liveNodes]);
  const mapView = useMapView({ mapId: snapshot.id, nodeIds: liveIds, edges: liveEdges, setNotice });
  // What stands weighed by a team's ratings (weighing.ts): the team chosen, kept while it may be.
  const [weighTeam, setWeighTeam] = useState<string | null>(null);
  const votesView = voting.votes.view;
  const weighing = useMemo(
    () => ({ choices: weighChoices(votesView), weighed: teamWeights(votesView, weighTeam) }),
    [votesView, weighTeam],
  );
  const stands = useWhatStands(
    mapView.whatStands,
    liveNodes,
    liveEdges,
    weighing.weighed?.weights ?? null,
  );
  const decorations = useNodeDecorations(
    presence,
    layers.openThreads,
    layers.layerBadges,
    voting.impacts,
    flagCounts,
    stands,
  );
  // Live: section and tag-colour ops change them (the view's, like its cards).
  const sectionsView = useMemo(() => sectionsViewOf(view), [view]);
  const tagColors = view.map?.tagColors ?? snapshot.tagColors;
  const [onlySection, setOnlySection] = useState<string | null>(null);
  const onlyIds = useMemo(
    () => (sectionsView && onlySection ? nodesInSection(sectionsView, onlySection) : null),
    [sectionsView, onlySection],
  );
  const elements = useFlowElements({
    nodes: liveNodes,
    edges: liveEdges,
    sources,
    tagColors,
    mapView,
    only: onlyIds,
  });

  const [initialFocus] = useState(() => {
    const target = liveId(view, initialNodeId);
    return target ? [target] : startingView(snapshot);
  });

  useFirstView({
    focus: initialFocus,
    direction: mapView.direction,
    empty: liveNodes.length === 0,
    onShown: () => setShown(true),
  });
  useGraphNavigation(liveNodes, liveEdges, goToNode);
  useConnectionNavigation(liveEdges, selection.goToEdge, goToNode);
  useRegionCycle();
  const announcements = useAnnouncements({
    store,
    presence,
    people: social.view?.people,
    ownActorId: snapshot.actorId ?? null,
  });

  const editing = useMapEditing({
    store: editStore,
    view: state.view,
    sources,
    canEdit,
    selectedNodeId,
    selectedNodeIds: selection.selectedNodeIds,
    direction: mapView.direction,
    sections: sectionsView,
    setSelectedNodeId: selection.setSelectedNodeId,
    canvasRef,
    setNotice,
  });
  useMapShortcuts({
    store: editable ? store : null,
    editing: editable ? editing : null,
    selectedNodeId,
    setSelectedNodeId: selection.setSelectedNodeId,
    toggleCollapsed: mapView.toggleCollapsed,
    toggleFocus: mapView.toggleFocus,
  });
  useFrameOnFocus(mapView.focusId);
  useFrameSection(onlyIds);
  const cardMenu = useCardMenu({
    canvasRef,
    view,
    editing: editable ? editing : null,
    select: selection.setSelectedNodeId,
    tagColors,
    onFlag: snapshot.actorId
      ? (nodeId) =>
          void moderation
            .flag(nodeId, '')
            .then((refusal) =>
              setNotice(
                refusal
                  ? { kind: 'refused', message: refusal.message }
                  : { kind: 'local', message: 'Flagged for review: a moderator will look at it.' },
              ),
            )
      : undefined,
  });

  const focused = mapView.focusId ? view.nodes.get(mapView.focusId) : undefined;
  const sides = useMemo(() => legendSides(snapshot), [snapshot]);
  const [shownAs, showAs] = useWorkspaceView(snapshot.actorId);
  const outline = shownAs === 'outline' && (
    <OutlineView
      view={view}
      store={editStore}
      editing={editable && editing}
      selection={selection}
      votes={voting.votes.view}
      sections={sectionsView}
    />
  );
  // How the canvas is shown: at the end of the editing toolbar's row, or of the title's for readers.
  const viewTools = (
    <div className={styles.viewTools}>
      <ViewToggle view={shownAs} onChange={showAs} className={styles.barToggle} />
      <MapFilter
        filter={elements.filter}
        onChange={elements.setFilter}
        sideLabels={sideLabels(sides)}
        hiddenCount={elements.hiddenCount}
        tags={tagsInUse(liveNodes)}
        onShowEverything={() => setOnlySection(null)}
      >
        <ImpactToggle voting={voting} />
        <StandsToggle on={mapView.whatStands} onChange={mapView.setWhatStands} />
        {mapView.whatStands && (
          <WeighControl
            choices={weighing.choices}
            chosen={weighing.weighed ? weighTeam : null}
            manages={!!votesView?.manages}
            onChange={setWeighTeam}
          />
        )}
        {sectionsView && (
          <SectionsFilter
            view={sectionsView}
            framesOn={mapView.sectionFrames}
            onFrames={mapView.setSectionFrames}
            only={onlySection}
            onOnly={setOnlySection}
          />
        )}
      </MapFilter>
      <Legend sides={sides}>
        {mapView.whatStands && <StandsLegend weighedBy={weighing.weighed?.name ?? null} />}
      </Legend>
    </div>
  );

  return (
    <main className={styles.workspace}>
      <SkipLinks openSide={() => !panel.open && panel.toggle()} />
      <MapWords
        view={view}
        selectedNodeId={selectedNodeId}
        announcements={announcements}
        asOutline={shownAs === 'outline'}
      />
      <div className={styles.bar} {...region('map tools')}>
        <div className={styles.top}>
          <WorkspaceHeading snapshot={snapshot} canEdit={canEdit} shareToken={shareToken} />
          <CompactBar menu={menu} panel={panel} openThreads={layers.openThreadTotal}>
            <ViewToggle view={shownAs} onChange={showAs} className={styles.compactToggle} />
          </CompactBar>
        </div>
        <div id={menu.id} className={styles.menu} data-open={menu.open || undefined}>
          {snapshot.motion && (
            <div className={styles.menuMotion}>
              Motion: <strong>{snapshot.motion}</strong>
            </div>
          )}
          <WorkspaceTools
            snapshot={snapshot}
            canEdit={canEdit}
            shareToken={shareToken}
            presence={presence}
            status={collaboration.status}
            nodes={liveNodes}
            social={social}
            onFound={goToNode}
            onShowPast={(item) => void showPast(item)}
            onError={collaboration.reportSocialError}
          >
            {!canEdit && viewTools}
          </WorkspaceTools>
          {canEdit && (
            <WorkspaceToolbar
              view={view}
              editing={editing}
              selection={selection}
              mapView={mapView}
              canUndo={state.canUndo}
              canRedo={state.canRedo}
              saving={state.saving}
              disabled={!shown}
              undo={() => store.undo()}
              redo={() => store.redo()}
            >
              {viewTools}
            </WorkspaceToolbar>
          )}
        </div>
      </div>
      {social.view?.anonymity && <AnonymousBanner anonymity={social.view.anonymity} />}
      <div className={styles.body}>
        <div
          className={editing.layingOut ? `${styles.canvas} ${styles.animating}` : styles.canvas}
          ref={canvasRef}
          {...canvasRegion}
          {...region('canvas')}
          data-view={shownAs}
          aria-busy={!shown}
          onMouseMove={(event) =>
            reportCursor(screenToFlowPosition({ x: event.clientX, y: event.clientY }))
          }
          onMouseLeave={() => reportCursor(null)}
        >
          <MapViewContext.Provider value={mapView.mapView}>
            <NodeEditingContext.Provider value={editing.nodeEditing}>
              <NodeDecorationsContext.Provider value={decorations}>
                <ArgumentCanvas
                  nodes={elements.flowNodes}
                  edges={elements.flowEdges}
                  selectedNodeId={selectedNodeId}
                  selectedEdgeId={selectedEdgeId}
                  onSelectNode={selection.setSelectedNodeId}
                  onSelectNodes={selection.setSelectedNodeIds}
                  onSelectEdge={selection.setSelectedEdgeId}
                  editing={editable ? editing.canvasEditing : null}
                  entryNodeId={initialFocus[0] ?? null}
                >
                  {sectionsView && mapView.sectionFrames && <SectionFrames view={sectionsView} />}
                  <RemoteCursors presence={presence} />
                  <Presenting
                    mapId={snapshot.id}
                    shareToken={shareToken}
                    live={collaboration}
                    selection={selection}
                  />
                </ArgumentCanvas>
                {outline}
              </NodeDecorationsContext.Provider>
            </NodeEditingContext.Provider>
          </MapViewContext.Provider>
          {cardMenu}
          {!shown && <MapSkeleton />}
          {past && <PastBanner past={past} onLeave={leavePast} />}
          {focused && !past && (
            <FocusBanner
              focused={focused}
              shown={liveNodes.length - mapView.hidden.size}
              total={liveNodes.length}
              onLeave={() => mapView.toggleFocus(null)}
            />
          )}
          <ConnectPromptOver editing={editing} view={view} />
          {notice && !(notice.conflict && canEdit) && (
            <MapNotice notice={notice} onDismiss={() => setNotice(null)} />
          )}
          {shownAs === 'map' && (
            <ArgumentPanel
              nodes={liveNodes}
              edges={liveEdges}
              edgeId={selectedEdgeId}
              direction={mapView.direction}
              onOps={editable ? (ops) => void editStore.perform(ops) : undefined}
              onClose={() => selection.setSelectedEdgeId(null)}
            />
          )}
        </div>
        <EditingDialogs
          editing={editing}
          view={view}
          liveNodes={liveNodes}
          notice={notice}
          canEdit={canEdit}
          goToNode={goToNode}
        />
        <PanelSheet sheet={panel}>
          <MapSidePanel
            snapshot={snapshot}
            sources={sources}
            initialSourceId={initialSourceId}
            nodes={liveNodes}
            edges={liveEdges}
            selectedNodeId={selectedNodeId}
            selectedEdgeId={selectedEdgeId}
            onSelect={goToNode}
            onSelectEdge={selection.goToEdge}
            onMakeNode={editable ? editing.makeFromQuote : undefined}
            onCardOps={editable ? (ops) => void store.perform(ops) : undefined}
            social={social}
            layers={layers}
            votes={voting.votes}
            moderation={moderation}
          />
        </PanelSheet>
        {suggesting && (
          <SuggestDialog
            ops={suggesting}
            view={state.view}
            onSend={(text) => moderation.suggest(withText(suggesting, text))}
            onClose={() => setSuggesting(null)}
            onGoTo={goToNode}
          />
        )}
      </div>
    </main>
  );
}
