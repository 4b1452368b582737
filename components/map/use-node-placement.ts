'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback, type RefObject } from 'react';
import { estimateNodeHeight, freeSpot, NODE_WIDTH } from '@/lib/domain/layout';

type Point = { x: number; y: number };

/**
 * Where a new card goes: always in a free spot (never on top of a card),
 * next to what it relates to or where the reader pointed, measured against
 * the cards as React Flow has drawn them.
 */
export function useNodePlacement(
  selectedNodeId: string | null,
  canvasRef: RefObject<HTMLDivElement | null>,
) {
  const { screenToFlowPosition, getNodes } = useReactFlow();

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

  /** Beside the selected node, else in the middle of the view. */
  const placeFor = useCallback(
    (text: string, hasSource: boolean): Point => {
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
    [drawnBoxes, selectedNodeId, canvasRef, screenToFlowPosition],
  );

  /** Centred on a point of the screen (a double-click, a dropped connection). */
  const placeAt = useCallback(
    (screen: Point, text: string): Point => {
      const height = estimateNodeHeight(text, false);
      const point = screenToFlowPosition(screen);
      return freeSpot(
        drawnBoxes(),
        { x: point.x - NODE_WIDTH / 2, y: point.y - height / 2 },
        { width: NODE_WIDTH, height },
      );
    },
    [drawnBoxes, screenToFlowPosition],
  );

  /** Below a drawn node (a new reason for it); null when that node is not drawn. */
  const placeBelow = useCallback(
    (parentId: string, text: string): Point | null => {
      const parent = drawnBoxes().find((b) => b.id === parentId);
      if (!parent) return null;
      const size = { width: NODE_WIDTH, height: estimateNodeHeight(text, false) };
      return freeSpot(drawnBoxes(), { x: parent.x, y: parent.y + parent.height + 70 }, size);
    },
    [drawnBoxes],
  );

  return { drawnBoxes, placeFor, placeAt, placeBelow };
}

/** How new cards are placed; see {@link useNodePlacement}. */
export type NodePlacement = ReturnType<typeof useNodePlacement>;
