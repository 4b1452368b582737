'use client';

import { useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { PresentingStore } from '@/lib/client/presenting-store';
import type { PresentingState } from '@/lib/domain/presenting';

/** Moving the view to the presenter's is quick but visible: a reader sees where it went. */
const FOLLOW_MS = 200;

type Options = {
  presenting: PresentingStore;
  onSelect: (id: string | null) => void;
  /** The presenter is this tab: nothing to follow. */
  self: boolean;
};

/**
 * The following side of follow mode: while someone presents, this reader's
 * view shows the part of the map the presenter's shows (the same centre, at
 * the zoom that fits the presenter's whole view on this screen, whatever
 * its size) and selects what they select, until the reader steps out (the
 * button, or panning or zooming themselves). A new presentation is
 * followed from the start. A spotlight is brought into view for everyone,
 * following or not.
 */
export function useFollowing({ presenting, onSelect, self }: Options) {
  const state = useSyncExternalStore(presenting.subscribe, presenting.getState, () => null);
  const shown = self ? null : state;
  const [following, setFollowing] = useState(true);
  const { fitBounds, getInternalNode, setCenter, getZoom } = useReactFlow();
  const domNode = useStore((s) => s.domNode);

  // A new presentation (another presenter, or again after a stop) is followed.
  const [presentation, setPresentation] = useState<string | null>(null);
  const current = shown ? `${shown.presenterId}:${shown.clientId}` : null;
  if (current !== presentation) {
    setPresentation(current);
    if (current) setFollowing(true);
  }

  const applied = useRef<{ selection: string | null; spotlight: string | null }>({
    selection: null,
    spotlight: null,
  });
  useEffect(() => {
    if (!shown) {
      applied.current = { selection: null, spotlight: null };
      return;
    }
    if (following) {
      if (shown.view) void fitBounds(shown.view, { padding: 0, duration: FOLLOW_MS });
      if (shown.selection !== applied.current.selection) onSelect(shown.selection);
      applied.current.selection = shown.selection;
    } else if (shown.spotlight && shown.spotlight !== applied.current.spotlight) {
      centreOn(shown.spotlight);
    }
    applied.current.spotlight = shown.spotlight;
    function centreOn(id: string) {
      const node = getInternalNode(id);
      if (!node?.measured.width || !node.measured.height) return;
      const { x, y } = node.internals.positionAbsolute;
      void setCenter(x + node.measured.width / 2, y + node.measured.height / 2, {
        zoom: Math.max(0.8, getZoom()),
        duration: FOLLOW_MS,
      });
    }
  }, [shown, following, fitBounds, onSelect, getInternalNode, setCenter, getZoom]);

  // Panning or zooming by hand (drag, wheel, the zoom buttons, the overview) steps out.
  useEffect(() => {
    if (!domNode || !shown || !following) return;
    let pressed = false;
    const stepOut = () => setFollowing(false);
    const onDown = (event: PointerEvent) => {
      const target = event.target as Element;
      if (target.closest('.react-flow__controls, .react-flow__minimap')) stepOut();
      else pressed = !!target.closest('.react-flow__pane');
    };
    const onMove = (event: PointerEvent) => {
      if (pressed && event.buttons) stepOut();
    };
    const onUp = () => (pressed = false);
    domNode.addEventListener('wheel', stepOut, { passive: true });
    domNode.addEventListener('pointerdown', onDown, true);
    domNode.addEventListener('pointermove', onMove, true);
    window.addEventListener('pointerup', onUp);
    return () => {
      domNode.removeEventListener('wheel', stepOut);
      domNode.removeEventListener('pointerdown', onDown, true);
      domNode.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerup', onUp);
    };
  }, [domNode, shown, following]);

  return {
    state: shown as PresentingState | null,
    following: !!shown && following,
    stop: () => setFollowing(false),
    follow: () => setFollowing(true),
  };
}
