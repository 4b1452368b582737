'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StoreNotice } from '@/lib/client/map-store';
import type { FlowDirection } from '@/lib/client/to-flow';
import type { GraphEdge } from '@/lib/domain/types';
import { hiddenByCollapse, neighbourhood, reasonCounts } from '@/lib/domain/visibility';
import { isOnOff, useStoredState } from './use-stored-state';
import type { MapView } from './view-context';

const isDirection = (value: string): value is FlowDirection => value === 'UP' || value === 'LEFT';
const isIdList = (value: string): value is string => /^[A-Za-z0-9_,-]*$/.test(value);

type Options = {
  mapId: string;
  nodeIds: string[];
  edges: GraphEdge[];
  setNotice: (notice: StoreNotice | null) => void;
};

/**
 * A reader's own way of looking at the map: layout direction, folded
 * subtrees, focus, whether cards show what stands and sections their
 * frames. Kept in this browser (per map), never in the map.
 */
export function useMapView({ mapId, nodeIds, edges, setNotice }: Options) {
  const [direction, setDirection] = useStoredState<FlowDirection>(
    `counterpoint:${mapId}:direction`,
    'UP',
    isDirection,
  );
  const [collapsedList, setCollapsedList] = useStoredState<string>(
    `counterpoint:${mapId}:collapsed`,
    '',
    isIdList,
  );
  const collapsed = useMemo(
    () => new Set(collapsedList.split(',').filter(Boolean)),
    [collapsedList],
  );
  const [stands, setStands] = useStoredState<'on' | 'off'>(
    `counterpoint:${mapId}:stands`,
    'off',
    isOnOff,
  );
  const whatStands = stands === 'on';
  const setWhatStands = useCallback((on: boolean) => setStands(on ? 'on' : 'off'), [setStands]);
  const [frames, setFrames] = useStoredState<'on' | 'off'>(
    `counterpoint:${mapId}:sections`,
    'on',
    isOnOff,
  );
  const sectionFrames = frames === 'on';
  const setSectionFrames = useCallback((on: boolean) => setFrames(on ? 'on' : 'off'), [setFrames]);
  const [focusId, setFocusId] = useState<string | null>(null);

  const toggleCollapsed = useCallback(
    (id: string) => {
      const next = new Set(collapsed);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setCollapsedList([...next].join(','));
    },
    [collapsed, setCollapsedList],
  );

  /** F: focus on a node, or leave focus when already focused (or nothing is selected). */
  const toggleFocus = useCallback(
    (id: string | null) => setFocusId((current) => (current || !id ? null : id)),
    [],
  );

  const live = useMemo(() => new Set(nodeIds), [nodeIds]);
  // A focused node that disappears ends focus mode.
  if (focusId && !live.has(focusId)) setFocusId(null);

  const reasons = useMemo(() => reasonCounts(edges), [edges]);
  const hidden = useMemo(() => {
    const folded = hiddenByCollapse(nodeIds, edges, collapsed);
    if (focusId && live.has(focusId)) {
      const near = neighbourhood(focusId, edges);
      for (const id of nodeIds) if (!near.has(id)) folded.add(id);
    }
    return folded;
  }, [nodeIds, edges, collapsed, focusId, live]);

  const copyLink = useCallback(
    (nodeId: string) => {
      const url = new URL(window.location.href);
      url.searchParams.set('node', nodeId);
      const link = url.toString();
      const done = () => setNotice({ kind: 'local', message: 'Link to this claim copied.' });
      const fallback = () => setNotice({ kind: 'local', message: `Copy this link: ${link}` });
      if (navigator.clipboard?.writeText) navigator.clipboard.writeText(link).then(done, fallback);
      else fallback();
    },
    [setNotice],
  );

  const mapView = useMemo<MapView>(
    () => ({ toggleCollapsed, copyLink }),
    [toggleCollapsed, copyLink],
  );

  return {
    direction,
    setDirection,
    whatStands,
    setWhatStands,
    sectionFrames,
    setSectionFrames,
    collapsed,
    reasons,
    hidden,
    focusId,
    toggleFocus,
    toggleCollapsed,
    mapView,
  };
}

/**
 * Focusing on a claim frames its neighbourhood; leaving focus frames the
 * map. Not on the first render: the first view is the deep-linked node or
 * the map's conclusions.
 */
export function useFrameOnFocus(focusId: string | null) {
  const { fitView } = useReactFlow();
  const focusChanged = useRef(false);
  useEffect(() => {
    if (!focusChanged.current) {
      focusChanged.current = true;
      return;
    }
    const timer = setTimeout(() => void fitView({ duration: 400, padding: 0.2, maxZoom: 1 }), 50);
    return () => clearTimeout(timer);
  }, [focusId, fitView]);
}
