'use client';

import { useEffect } from 'react';
import { useShortcuts } from './shortcuts';

/**
 * The parts of a page that F6 moves between (as in a browser or a desktop
 * app): each is an element marked with `region()`. F6 goes to the next part
 * in the page's order, Shift+F6 to the one before, and each part takes the
 * focus back where it was last left (or its first control).
 */
export const region = (name: string) => ({ 'data-region': name }) as const;

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

/** Where the focus was last left in each part. */
const lastFocus = new WeakMap<Element, HTMLElement>();

/** On screen: laid out, not hidden, not `visibility: hidden` (the canvas behind the outline). */
export const shown = (element: HTMLElement) =>
  element.isConnected &&
  element.getClientRects().length > 0 &&
  !element.closest('[hidden]') &&
  element.checkVisibility({ visibilityProperty: true });

/** The element to focus on arriving in `part`. */
function arrivalIn(part: HTMLElement): HTMLElement {
  const last = lastFocus.get(part);
  if (last && shown(last) && part.contains(last)) return last;
  const first = [...part.querySelectorAll<HTMLElement>(TABBABLE)].find(
    (element) => element.tabIndex >= 0 && shown(element),
  );
  if (first) return first;
  if (!part.hasAttribute('tabindex')) part.tabIndex = -1;
  return part;
}

/** Moves the focus into `part` (a skip link's target): where it was last, or its first control. */
export function focusRegion(part: HTMLElement): void {
  arrivalIn(part).focus();
}

/** Moves the focus to the next (or previous) part of the page. */
function cycleRegion(backwards: boolean): void {
  const parts = [...document.querySelectorAll<HTMLElement>('[data-region]')].filter(shown);
  if (parts.length === 0) return;
  const active = document.activeElement;
  const here = parts.findIndex((part) => active && part.contains(active));
  const step = backwards ? parts.length - 1 : 1;
  const next = here < 0 ? (backwards ? parts.length - 1 : 0) : (here + step) % parts.length;
  arrivalIn(parts[next]!).focus();
}

/** F6 and Shift+F6 on this page, and the memory of where the focus was in each part. */
export function useRegionCycle(): void {
  useShortcuts([{ key: 'F6', whileTyping: true, run: (event) => cycleRegion(event.shiftKey) }]);
  useEffect(() => {
    const remember = (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof HTMLElement)) return;
      const part = target.closest('[data-region]');
      if (part && part !== target) lastFocus.set(part, target);
    };
    document.addEventListener('focusin', remember);
    return () => document.removeEventListener('focusin', remember);
  }, []);
}
