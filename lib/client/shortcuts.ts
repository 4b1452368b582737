'use client';

import { useEffect, useEffectEvent } from 'react';

/**
 * The page's keyboard shortcuts, in one registry: one document listener per
 * phase, and one decision, made here and nowhere else, that a key pressed
 * while typing belongs to the field (an input, textarea, select,
 * contenteditable or card editor) and never to a shortcut.
 */

/** A key and what it does. */
export type Shortcut = {
  /** `KeyboardEvent.key` values ("n", "/", "Escape", "ArrowUp"); letters match in either case. */
  key: string | readonly string[];
  /** Ctrl or ⌘ held (true) or not (false, the default). Alt is never part of a shortcut. */
  mod?: boolean;
  /**
   * Shift held (true) or not (false); by default either, since Shift is
   * part of "?" and of a capital "N".
   */
  shift?: boolean;
  /**
   * Runs before the page's own handlers (React Flow's node keys), in the
   * capture phase; `run` may stop the event there.
   */
  capture?: boolean;
  /** Does not cancel the key's default action. */
  keepDefault?: boolean;
  /**
   * Fires inside a text field too: only for keys that are never typing
   * (F6, which moves between the parts of the page).
   */
  whileTyping?: boolean;
  /**
   * Fires only for a key pressed inside the element marked `keyScope(scope)`,
   * and there it is tried before every shortcut without a scope: a panel's
   * Ctrl+Z undoes what was written in that panel, never the map.
   */
  scope?: string;
  /**
   * Acts on the key. Returning false declines it: the key keeps its default
   * action and later shortcuts may take it.
   */
  run: (event: KeyboardEvent) => boolean | void;
};

/**
 * Props that mark an element whose keys are its own, like a text field's
 * (the card editor spreads them): no shortcut fires from inside it.
 */
export const ownKeys = { 'data-own-keys': true } as const;

/**
 * Props that mark a part of the page whose keys come first to its own
 * shortcuts (those with this `scope`), like the discussion's Ctrl+Z.
 */
export const keyScope = (scope: string) => ({ 'data-key-scope': scope }) as const;

/** The scope a key pressed on `target` is in, if any. */
function scopeOf(target: EventTarget | null): string | null {
  const element = target instanceof Element ? target.closest('[data-key-scope]') : null;
  return element?.getAttribute('data-key-scope') ?? null;
}

const TEXT_ENTRY =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [data-own-keys]';

/** True when a key pressed on `target` is typing, which no shortcut may take. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest(TEXT_ENTRY) !== null;
}

/**
 * Characters typed after a new card was asked for and before its editor could
 * take the focus (React Flow draws a new card hidden until it has measured
 * it, a few frames later). They belong to the card, never to a shortcut; so
 * do Enter and Escape, which then save or cancel the card as soon as its
 * editor opens (Enter on the still focused "+ Add claim" would add another).
 */
let typeAhead: { until: number; text: string; then: TypedAhead['then'] } | null = null;
/** The hold ends by itself if no editor comes to take the characters. */
const TYPE_AHEAD_MS = 1500;

/** What was typed for a new card before its editor had the focus. */
export type TypedAhead = {
  text: string;
  /** Enter (save) or Escape (cancel) was pressed after the text; null when neither. */
  then: 'save' | 'cancel' | null;
};

/**
 * Says that a new card's editor is on its way: until it takes the focus,
 * characters typed anywhere on the page are kept for it (Backspace takes the
 * last one back) and fire no shortcut.
 */
export function holdTypingForNewCard(): void {
  typeAhead = { until: performance.now() + TYPE_AHEAD_MS, text: '', then: null };
}

/** For the editor that took the focus: what was typed while it was on its way. Ends the hold. */
export function takeTypedAhead(): TypedAhead {
  const ahead =
    typeAhead && performance.now() <= typeAhead.until
      ? { text: typeAhead.text, then: typeAhead.then }
      : { text: '', then: null };
  typeAhead = null;
  return ahead;
}

/** Keeps a typed character for the coming editor; true when the key was kept. */
function keepForNewCard(event: KeyboardEvent): boolean {
  // After Enter or Escape the card is done with: later keys are the page's again.
  if (!typeAhead || typeAhead.then) return false;
  if (performance.now() > typeAhead.until) {
    typeAhead = null;
    return false;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key.length === 1) typeAhead.text += event.key;
  else if (event.key === 'Backspace') typeAhead.text = typeAhead.text.slice(0, -1);
  else if (event.key === 'Enter' && !event.shiftKey) typeAhead.then = 'save';
  else if (event.key === 'Enter') typeAhead.text += '\n';
  else if (event.key === 'Escape') typeAhead.then = 'cancel';
  else return false;
  event.preventDefault();
  event.stopPropagation();
  return true;
}

function matches(shortcut: Shortcut, event: KeyboardEvent): boolean {
  const keys = typeof shortcut.key === 'string' ? [shortcut.key] : shortcut.key;
  const key = event.key.toLowerCase();
  if (!keys.some((k) => k.toLowerCase() === key)) return false;
  if ((event.ctrlKey || event.metaKey) !== (shortcut.mod ?? false)) return false;
  return shortcut.shift === undefined || shortcut.shift === event.shiftKey;
}

type Source = () => readonly Shortcut[];

const sources = new Set<Source>();

function dispatch(event: KeyboardEvent, capture: boolean) {
  const typing = isTyping(event.target);
  if (!typing && capture && keepForNewCard(event)) return;
  if (event.altKey) return;
  // The scope's own shortcuts first, then the page's.
  const scope = scopeOf(event.target);
  for (const wanted of scope ? [scope, undefined] : [undefined])
    for (const source of sources) {
      for (const shortcut of source()) {
        if (shortcut.scope !== wanted || (typing && !shortcut.whileTyping)) continue;
        if ((shortcut.capture ?? false) !== capture || !matches(shortcut, event)) continue;
        if (shortcut.run(event) === false) continue;
        if (!shortcut.keepDefault) event.preventDefault();
        return;
      }
    }
}

const onCapture = (event: KeyboardEvent) => dispatch(event, true);
const onBubble = (event: KeyboardEvent) => dispatch(event, false);

function register(source: Source): () => void {
  if (sources.size === 0) {
    document.addEventListener('keydown', onCapture, true);
    document.addEventListener('keydown', onBubble);
  }
  sources.add(source);
  return () => {
    sources.delete(source);
    if (sources.size === 0) {
      document.removeEventListener('keydown', onCapture, true);
      document.removeEventListener('keydown', onBubble);
    }
  };
}

/**
 * Registers shortcuts while the component is mounted. The list is read when
 * a key is pressed, so it may change from render to render (and hold
 * shortcuts only some readers get) without re-registering. Shortcuts of
 * components mounted earlier are tried first.
 */
export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  const current = useEffectEvent(() => shortcuts);
  useEffect(() => register(() => current()), []);
}
