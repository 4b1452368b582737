'use client';

import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PresentingStore } from '@/lib/client/presenting-store';
import type { ArgumentFlowNode } from '@/lib/client/to-flow';
import styles from './presenting.module.css';
import { SpotlightRing } from './spotlight-ring';
import { useFollowing } from './use-following';
import { usePresenter } from './use-presenter';

type Props = {
  mapId: string;
  /** Set for a visitor through a share link: they follow, they never present. */
  shareToken: string | null;
  /** This tab's client id and the presenter's state as the stream tells it. */
  live: { clientId: string; presenting: PresentingStore };
  selection: {
    selectedNodeId: string | null;
    setSelectedNodeId: (id: string | null) => void;
    /** Selects a card and centres it (a spotlight brings it to the middle). */
    goToNode: (id: string) => void;
  };
};

/**
 * Follow mode on the canvas: the presenter's controls (Present, Spotlight)
 * for the map's owner or the class's teacher, the "Following …" banner for
 * everyone else, and the spotlighted card's ring.
 */
export function Presenting({ mapId, shareToken, live, selection }: Props) {
  const { selectedNodeId, setSelectedNodeId } = selection;
  const canPresent = useCanPresent(mapId, shareToken);
  const presenter = usePresenter({ mapId, clientId: live.clientId, selection: selectedNodeId });
  const follower = useFollowing({
    presenting: live.presenting,
    onSelect: setSelectedNodeId,
    self: presenter.active,
  });
  const { getNode } = useReactFlow<ArgumentFlowNode>();
  const spotlight = presenter.active ? presenter.spotlight : (follower.state?.spotlight ?? null);
  const spotlightText = spotlight ? getNode(spotlight)?.data.text : undefined;
  const spotlit = presenter.active && !!selectedNodeId && presenter.spotlight === selectedNodeId;
  // The banner sits over the canvas's place, outside React Flow: a phone
  // shows the outline there first, and its reader is told who presents too
  // (above the outline, not over it: data-over-canvas, workspace.module.css).
  const canvasPlace = useStore((s) => s.domNode?.parentElement ?? null);

  return (
    <>
      {spotlight && <SpotlightRing nodeId={spotlight} />}
      {canPresent && (
        <Panel position="top-right" className={styles.controls}>
          <div role="group" aria-label="Presenting" className={styles.group}>
            <button
              type="button"
              className="button button--quiet"
              aria-pressed={presenter.active}
              onClick={presenter.active ? presenter.stop : presenter.start}
            >
              <PresentIcon />
              <span className={styles.label}>Present</span>
            </button>
            {presenter.active && (
              <button
                type="button"
                className="button button--quiet"
                aria-pressed={spotlit}
                disabled={!selectedNodeId}
                title={selectedNodeId ? undefined : 'Select a card to spotlight it'}
                onClick={() => {
                  presenter.setSpotlight(spotlit ? null : selectedNodeId);
                  if (!spotlit && selectedNodeId) selection.goToNode(selectedNodeId);
                }}
              >
                <SpotlightIcon />
                <span className={styles.label}>Spotlight</span>
              </button>
            )}
          </div>
          <p role="status" className={styles.note}>
            {presenter.active ? 'Presenting: readers follow your view.' : (presenter.refused ?? '')}
          </p>
        </Panel>
      )}
      {follower.state &&
        canvasPlace &&
        createPortal(
          <div className={styles.bannerPlace} data-over-canvas>
            <div className={styles.banner} role="status">
              <p>
                {follower.following
                  ? `Following ${follower.state.name}`
                  : `${follower.state.name} is presenting`}
                {spotlightText && (
                  <span className="visually-hidden">{`. Spotlight on “${spotlightText}”`}</span>
                )}
              </p>
              <button
                type="button"
                className="button button--quiet"
                onClick={follower.following ? follower.stop : follower.follow}
              >
                {follower.following ? 'Stop following' : 'Follow again'}
              </button>
            </div>
          </div>,
          canvasPlace,
        )}
    </>
  );
}

/** Whether this reader may present: asked once; a link's visitor never may. */
function useCanPresent(mapId: string, shareToken: string | null): boolean {
  const [canPresent, setCanPresent] = useState(false);
  useEffect(() => {
    if (shareToken) return;
    let stopped = false;
    fetch(`/api/maps/${encodeURIComponent(mapId)}/presenting`)
      .then((response) => (response.ok ? response.json() : { canPresent: false }))
      .then((body: { canPresent?: boolean }) => {
        if (!stopped) setCanPresent(body.canPresent === true);
      })
      .catch(() => {});
    return () => {
      stopped = true;
    };
  }, [mapId, shareToken]);
  return canPresent;
}

function PresentIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className={styles.icon}>
      <rect x="1.5" y="2" width="13" height="9" rx="1" fill="none" stroke="currentColor" />
      <path d="M8 11v3M5 14h6" stroke="currentColor" fill="none" />
    </svg>
  );
}

function SpotlightIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className={styles.icon}>
      <circle cx="8" cy="8" r="3" fill="currentColor" />
      <path
        d="M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6L13 13M13 3l-1.4 1.4M4.4 11.6L3 13"
        stroke="currentColor"
        fill="none"
      />
    </svg>
  );
}
