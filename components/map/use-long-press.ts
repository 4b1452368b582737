'use client';

import { useEffect, type RefObject } from 'react';

/** How long a touch must rest on a card to open its menu. */
const HOLD_MS = 500;
/** How far a finger may drift, in px, and still be holding still. */
const SLOP = 8;

/**
 * A long press on a card (a touch or pen held still for half a second) or
 * a right-click on one calls `onPress` with the card's id and the point,
 * relative to `containerRef`. A second finger (a pinch), a move or a lift
 * before then cancels it. Off when `onPress` is null (a read-only map).
 */
export function useLongPress(
  containerRef: RefObject<HTMLElement | null>,
  onPress: ((nodeId: string, at: { x: number; y: number }) => void) | null,
) {
  useEffect(() => {
    const container = containerRef.current;
    if (!container || !onPress) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let start: { x: number; y: number; pointer: number } | null = null;
    const cancel = () => {
      clearTimeout(timer);
      start = null;
    };
    const cardAt = (target: EventTarget | null) =>
      target instanceof Element
        ? (target.closest('.react-flow__node')?.getAttribute('data-id') ?? null)
        : null;
    const open = (id: string, clientX: number, clientY: number) => {
      const box = container.getBoundingClientRect();
      onPress(id, { x: clientX - box.left, y: clientY - box.top });
    };
    const onDown = (event: PointerEvent) => {
      if (start) return cancel(); // a second finger: a pinch, not a press
      if (event.pointerType === 'mouse') return;
      const id = cardAt(event.target);
      if (!id) return;
      start = { x: event.clientX, y: event.clientY, pointer: event.pointerId };
      timer = setTimeout(() => {
        if (start) open(id, start.x, start.y);
        start = null;
      }, HOLD_MS);
    };
    const onMove = (event: PointerEvent) => {
      if (!start || event.pointerId !== start.pointer) return;
      if (Math.hypot(event.clientX - start.x, event.clientY - start.y) > SLOP) cancel();
    };
    const onMenu = (event: MouseEvent) => {
      const id = cardAt(event.target);
      if (!id) return;
      event.preventDefault();
      cancel();
      open(id, event.clientX, event.clientY);
    };
    container.addEventListener('pointerdown', onDown, true);
    container.addEventListener('pointermove', onMove, true);
    container.addEventListener('pointerup', cancel, true);
    container.addEventListener('pointercancel', cancel, true);
    container.addEventListener('contextmenu', onMenu);
    return () => {
      cancel();
      container.removeEventListener('pointerdown', onDown, true);
      container.removeEventListener('pointermove', onMove, true);
      container.removeEventListener('pointerup', cancel, true);
      container.removeEventListener('pointercancel', cancel, true);
      container.removeEventListener('contextmenu', onMenu);
    };
  }, [containerRef, onPress]);
}
