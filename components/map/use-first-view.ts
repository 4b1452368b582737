'use client';

import { useNodesInitialized, useReactFlow, useStore, type Viewport } from '@xyflow/react';
import { useEffect, useEffectEvent, useRef } from 'react';
import type { FlowDirection } from '@/lib/client/to-flow';

/**
 * The least zoom the first view opens at. A card's text is 14 px: at 0.8 it
 * is 11 px on screen, about the smallest a class can read from a laptop.
 */
const READABLE_ZOOM = 0.8;
const MAX_ZOOM = 1;
/** Space kept free around the framed cards, in screen pixels. */
const PAD = 32;

type Rect = { x: number; y: number; width: number; height: number };

/**
 * The viewport that frames `focus` (map coordinates) in a canvas of `size`,
 * never below READABLE_ZOOM. When the framed cards do not fit at that zoom,
 * the anchor (the main conclusion, which layout puts at the top, or at the
 * left in a left-to-right layout) stays in view: a reader starts from the
 * motion and reads down to its reasons.
 */
/** @internal exported for its unit test */
export function firstViewport(
  focus: Rect[],
  anchor: Rect,
  size: { width: number; height: number },
  direction: FlowDirection,
): Viewport {
  const left = Math.min(...focus.map((r) => r.x));
  const top = Math.min(...focus.map((r) => r.y));
  const width = Math.max(...focus.map((r) => r.x + r.width)) - left;
  const height = Math.max(...focus.map((r) => r.y + r.height)) - top;
  const room = {
    width: Math.max(1, size.width - 2 * PAD),
    height: Math.max(1, size.height - 2 * PAD),
  };
  const fit = Math.min(room.width / width, room.height / height);
  const zoom = Math.max(READABLE_ZOOM, Math.min(MAX_ZOOM, fit));
  let x = size.width / 2 - (left + width / 2) * zoom;
  let y = size.height / 2 - (top + height / 2) * zoom;
  if (width * zoom > room.width)
    x =
      direction === 'LEFT'
        ? PAD - anchor.x * zoom
        : size.width / 2 - (anchor.x + anchor.width / 2) * zoom;
  if (height * zoom > room.height)
    y =
      direction === 'LEFT'
        ? size.height / 2 - (anchor.y + anchor.height / 2) * zoom
        : PAD - anchor.y * zoom;
  return { x, y, zoom };
}

/**
 * Sets the canvas's first view once React Flow has measured the cards
 * (it draws them hidden until then), then calls `onShown`: until that
 * moment the workspace shows its skeleton and keeps editing off. `focus`
 * is what to frame, its first node the anchor; hidden cards are left out,
 * and with none of them shown the whole map is framed.
 */
export function useFirstView({
  focus,
  direction,
  empty,
  onShown,
}: {
  focus: string[];
  direction: FlowDirection;
  /** The map has no cards: there is nothing to measure or frame. */
  empty: boolean;
  onShown: () => void;
}) {
  const measured = useNodesInitialized();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const { getInternalNode, getNodes, setViewport } = useReactFlow();
  const done = useRef(false);
  const shown = useEffectEvent(onShown);

  useEffect(() => {
    if (done.current || !width || !height) return;
    if (empty) {
      done.current = true;
      shown();
      return;
    }
    if (!measured) return;
    const rectOf = (id: string): Rect | null => {
      const node = getInternalNode(id);
      if (!node || node.hidden || !node.measured.width || !node.measured.height) return null;
      const at = node.internals.positionAbsolute;
      return { x: at.x, y: at.y, width: node.measured.width, height: node.measured.height };
    };
    let rects = focus.map(rectOf).filter((r): r is Rect => r !== null);
    if (rects.length === 0)
      rects = getNodes()
        .map((n) => rectOf(n.id))
        .filter((r): r is Rect => r !== null);
    done.current = true;
    if (rects.length > 0)
      void setViewport(firstViewport(rects, rects[0]!, { width, height }, direction));
    shown();
  }, [measured, empty, width, height, focus, direction, getInternalNode, getNodes, setViewport]);
}
