'use client';

import { describeRelations } from '@/lib/domain/announce';
import type { GraphState } from '@/lib/domain/ops';
import { focusRegion, shown } from '@/lib/client/regions';
import { SELECTED_RELATIONS_ID } from './canvas-focus';
import { ChangeLog } from './change-log';
import type { Announcement } from './use-announcements';

const CANVAS_REGION_ID = 'map-canvas';
export const SIDE_REGION_ID = 'map-side';
const CANVAS_SUMMARY_ID = 'map-canvas-summary';

/** Props for the canvas's region: named, and described by its text alternative. */
export const canvasRegion = {
  id: CANVAS_REGION_ID,
  role: 'region',
  'aria-label': 'Map',
  'aria-describedby': CANVAS_SUMMARY_ID,
} as const;

/**
 * The map in words for a screen reader, beside the drawing: how big it is
 * and where the same map is a list (the outline), the selected card's
 * connections (read after its text), and others' changes as they happen.
 */
export function MapWords({
  view,
  selectedNodeId,
  announcements,
  asOutline,
}: {
  view: GraphState;
  /** The outline is shown in the canvas's place. */
  asOutline: boolean;
  selectedNodeId: string | null;
  announcements: Announcement[];
}) {
  const cards = [...view.nodes.values()].filter((n) => !n.deleted).length;
  const connections = [...view.edges.values()].filter((e) => !e.deleted).length;
  return (
    <>
      <p id={CANVAS_SUMMARY_ID} className="visually-hidden">
        {asOutline
          ? `The map as an outline of ${cards} cards, each under what it bears on.`
          : `A drawing of ${cards} cards and ${connections} connections. The outline view (Map / Outline, among the map's tools) shows the same map as a list to read and edit with the keyboard.`}
      </p>
      <p id={SELECTED_RELATIONS_ID} className="visually-hidden">
        {selectedNodeId ? describeRelations(selectedNodeId, view) : ''}
      </p>
      <ChangeLog announcements={announcements} />
    </>
  );
}

/**
 * Links at the top of the map page, shown on focus, to jump past the bars to
 * the canvas or the side panel. On a small screen the side panel is a
 * drawer: its link opens it (which moves the focus into it).
 */
export function SkipLinks({ openSide }: { openSide: () => void }) {
  const jump = (id: string) => (event: React.MouseEvent) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    if (shown(target)) focusRegion(target);
    else if (id === SIDE_REGION_ID) openSide();
  };
  return (
    <>
      <a className="skip-link" href={`#${CANVAS_REGION_ID}`} onClick={jump(CANVAS_REGION_ID)}>
        Skip to the map
      </a>
      <a className="skip-link" href={`#${SIDE_REGION_ID}`} onClick={jump(SIDE_REGION_ID)}>
        Skip to sources and discussion
      </a>
    </>
  );
}
