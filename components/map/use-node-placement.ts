'use client';

import { useReactFlow, useStore } from '@xyflow/react';
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { FlowDirection } from '@/lib/client/to-flow';
import {
  estimateNewNodeHeight,
  estimateNodeHeight,
  freeSpot,
  NODE_WIDTH,
  spotNextTo,
} from '@/lib/domain/layout';

type Point = { x: number; y: number };
/** A new card's place and the room it takes while its text box is open. */
type Spot = Point & { width: number; height: number };

/** Below this zoom a card's text is hard to read: showing a new card zooms in to it. */
const READABLE_ZOOM = 0.75;
/** Room kept between a new card and the canvas's edges when it is brought into view. */
const VIEW_MARGIN = 24;
/** How long the view pans to a new card; its real size is checked after that. */
const PAN_MS = 300;

/**
 * Where a new card goes: always in a free spot (never on top of a card),
 * next to what it relates to or where the reader pointed, measured against
 * the cards as React Flow has drawn them; and bringing it into view.
 */
export function useNodePlacement(
  selectedNodeId: string | null,
  canvasRef: RefObject<HTMLDivElement | null>,
  direction: FlowDirection,
) {
  const {
    screenToFlowPosition,
    flowToScreenPosition,
    getNodes,
    getViewport,
    setCenter,
    setViewport,
  } = useReactFlow();

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

  /**
   * Beside the selected node, else beside `relatedId` (the card quoting the
   * same passage's neighbourhood), else in the middle of the view.
   */
  const placeFor = useCallback(
    (text: string, hasSource: boolean, relatedId: string | null = null): Spot => {
      const size = { width: NODE_WIDTH, height: estimateNewNodeHeight(text, hasSource) };
      const boxes = drawnBoxes();
      const anchor =
        boxes.find((b) => b.id === selectedNodeId) ?? boxes.find((b) => b.id === relatedId);
      if (anchor) {
        const others = boxes.filter((b) => b !== anchor);
        return { ...spotNextTo(others, anchor, size, 'beside', direction), ...size };
      }
      const rect = canvasRef.current?.getBoundingClientRect();
      const centre = rect
        ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
        : { x: 0, y: 0 };
      const near = { x: centre.x - size.width / 2, y: centre.y - size.height / 2 };
      return { ...freeSpot(boxes, near, size), ...size };
    },
    [drawnBoxes, selectedNodeId, canvasRef, screenToFlowPosition, direction],
  );

  /** Centred on a point of the screen (a double-click, a dropped connection). */
  const placeAt = useCallback(
    (screen: Point, text: string): Spot => {
      const size = { width: NODE_WIDTH, height: estimateNewNodeHeight(text, false) };
      const point = screenToFlowPosition(screen);
      const near = { x: point.x - size.width / 2, y: point.y - size.height / 2 };
      return { ...freeSpot(drawnBoxes(), near, size), ...size };
    },
    [drawnBoxes, screenToFlowPosition],
  );

  /** Where a new reason for a drawn node goes; null when that node is not drawn. */
  const placeReason = useCallback(
    (parentId: string, text: string): Spot | null => {
      const boxes = drawnBoxes();
      const parent = boxes.find((b) => b.id === parentId);
      if (!parent) return null;
      const size = { width: NODE_WIDTH, height: estimateNewNodeHeight(text, false) };
      const others = boxes.filter((b) => b !== parent);
      return { ...spotNextTo(others, parent, size, 'reason', direction), ...size };
    },
    [drawnBoxes, direction],
  );

  /** Pans as little as shows `spot` (map coordinates) whole inside the canvas, if it is not already. */
  const panToShow = useCallback(
    (spot: Spot, duration: number) => {
      const rect = canvasRef.current?.getBoundingClientRect();
      if (!rect) return;
      const topLeft = flowToScreenPosition(spot);
      const bottomRight = flowToScreenPosition({
        x: spot.x + spot.width,
        y: spot.y + spot.height,
      });
      const view = getViewport();
      // How far each edge sticks out of the canvas (less a margin), the left and top first.
      const over = (low: number, high: number, from: number, to: number) =>
        low < from + VIEW_MARGIN
          ? low - from - VIEW_MARGIN
          : high > to - VIEW_MARGIN
            ? high - to + VIEW_MARGIN
            : 0;
      const dx = over(topLeft.x, bottomRight.x, rect.left, rect.right);
      const dy = over(topLeft.y, bottomRight.y, rect.top, rect.bottom);
      if (dx || dy)
        void setViewport({ x: view.x - dx, y: view.y - dy, zoom: view.zoom }, { duration });
    },
    [canvasRef, flowToScreenPosition, getViewport, setViewport],
  );

  /**
   * The new card being written, followed while it stays selected: it was
   * placed and shown with an estimate of its height, and its real height
   * (its text box open, then its saved text) can differ.
   */
  const [following, setFollowing] = useState<string | null>(null);
  const followedSize = useStore((s) => {
    const node = following ? s.nodeLookup.get(following) : undefined;
    return node?.measured.width && node.measured.height
      ? `${node.measured.width}x${node.measured.height}`
      : null;
  });
  useEffect(() => {
    if (!following || selectedNodeId !== following || !followedSize) return;
    // After the first pan has run: the real box, measured where it is now.
    const timer = setTimeout(() => {
      const node = getNodes().find((n) => n.id === following);
      if (!node?.measured?.width || !node.measured.height) return;
      panToShow(
        { ...node.position, width: node.measured.width, height: node.measured.height },
        PAN_MS / 2,
      );
    }, PAN_MS + 50);
    return () => clearTimeout(timer);
  }, [following, followedSize, selectedNodeId, getNodes, panToShow]);

  /**
   * Brings a new card into view: as little panning as shows it whole when
   * part of it is in sight (a double-click near the edge), centred on it
   * when none of it is or it would be too small to read. Moved to the
   * position it was given, not with fitView: React Flow fits only nodes it
   * has measured, and framed an empty area for a new card. Then the card is
   * followed while it is selected, so it stays in view as it takes its
   * real size.
   */
  const reveal = useCallback(
    (spot: Spot, id: string) => {
      setFollowing(id);
      const rect = canvasRef.current?.getBoundingClientRect();
      if (!rect) return;
      const topLeft = flowToScreenPosition(spot);
      const bottomRight = flowToScreenPosition({
        x: spot.x + spot.width,
        y: spot.y + spot.height,
      });
      const view = getViewport();
      const partlyInSight =
        bottomRight.x > rect.left &&
        topLeft.x < rect.right &&
        bottomRight.y > rect.top &&
        topLeft.y < rect.bottom;
      if (view.zoom < READABLE_ZOOM || !partlyInSight) {
        void setCenter(spot.x + spot.width / 2, spot.y + spot.height / 2, {
          zoom: Math.max(view.zoom, READABLE_ZOOM),
          duration: PAN_MS,
        });
        return;
      }
      panToShow(spot, PAN_MS);
    },
    [canvasRef, flowToScreenPosition, getViewport, setCenter, panToShow],
  );

  return { drawnBoxes, placeFor, placeAt, placeReason, reveal };
}

/** How new cards are placed; see {@link useNodePlacement}. */
export type NodePlacement = ReturnType<typeof useNodePlacement>;
