'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select, textarea, summary, [tabindex="0"]';

/**
 * Something a button opens over the map on a small screen (the bar's menu,
 * the side panel), the element with id `id`, opened by the button with id
 * `toggleId`: opening moves the focus into it (to `focusFirst`, else
 * its first control), Escape pressed in it or on its button closes it, and
 * closing gives the focus back to the button. `closeOutside`: a press
 * anywhere else closes it too.
 */
export function useSheet({
  focusFirst,
  closeOutside = false,
}: { focusFirst?: string; closeOutside?: boolean } = {}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const wasOpen = useRef(false);

  const toggleId = `${id}-toggle`;
  useEffect(() => {
    const sheet = document.getElementById(id);
    if (open && !wasOpen.current) {
      const first =
        (focusFirst ? sheet?.querySelector<HTMLElement>(focusFirst) : null) ??
        sheet?.querySelector<HTMLElement>(FOCUSABLE);
      first?.focus();
    } else if (!open && wasOpen.current) {
      const focus = document.activeElement;
      if (!focus || focus === document.body || sheet?.contains(focus))
        document.getElementById(toggleId)?.focus();
    }
    wasOpen.current = open;
  }, [open, focusFirst, id, toggleId]);

  useEffect(() => {
    if (!open) return;
    const inside = (target: EventTarget | null) =>
      target instanceof Node &&
      (!!document.getElementById(id)?.contains(target) ||
        !!document.getElementById(toggleId)?.contains(target));
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && inside(event.target)) {
        setOpen(false);
      }
    };
    const onPress = (event: PointerEvent) => {
      if (!inside(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    if (closeOutside) document.addEventListener('pointerdown', onPress);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPress);
    };
  }, [open, closeOutside, id, toggleId]);

  const toggle = useCallback(() => setOpen((was) => !was), []);
  const close = useCallback(() => setOpen(false), []);
  return { id, toggleId, open, toggle, close };
}

/** A sheet's state and its refs; see {@link useSheet}. */
export type Sheet = ReturnType<typeof useSheet>;
