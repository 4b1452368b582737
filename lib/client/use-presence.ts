'use client';

import { useCallback, useEffect, useRef } from 'react';
import { shareTokenHeaders } from './share-token';

type Options = {
  mapId: string;
  clientId: string;
  shareToken: string | null;
  selection: string | null;
};

const CURSOR_INTERVAL_MS = 80;
const HEARTBEAT_MS = 10_000;

/**
 * Tells the others where this reader is: their selection at once, their
 * cursor at most every 80 ms, a heartbeat every 10 s, and "left" when the
 * page goes away. Failures are ignored: presence is a courtesy, never data.
 */
export function usePresence({ mapId, clientId, shareToken, selection }: Options) {
  const state = useRef<{ selection: string | null; cursor: { x: number; y: number } | null }>({
    selection,
    cursor: null,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSent = useRef(0);
  const sent = useRef(0);
  const url = `/api/maps/${encodeURIComponent(mapId)}/presence`;

  const post = useCallback(
    (left = false) => {
      lastSent.current = Date.now();
      const body = JSON.stringify({ clientId, ...state.current, left, n: ++sent.current });
      void fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...shareTokenHeaders(shareToken),
        },
        body,
        keepalive: left,
      }).catch(() => {});
    },
    [url, clientId, shareToken],
  );

  useEffect(() => {
    state.current.selection = selection;
    post();
  }, [selection, post]);

  useEffect(() => {
    const beat = setInterval(() => post(), HEARTBEAT_MS);
    const leave = () => post(true);
    window.addEventListener('pagehide', leave);
    return () => {
      clearInterval(beat);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [post]);

  /** The cursor in map coordinates, or null when it left the canvas. */
  const reportCursor = useCallback(
    (cursor: { x: number; y: number } | null) => {
      state.current.cursor = cursor ? { x: Math.round(cursor.x), y: Math.round(cursor.y) } : null;
      if (timer.current) return;
      const wait = Math.max(0, CURSOR_INTERVAL_MS - (Date.now() - lastSent.current));
      timer.current = setTimeout(() => {
        timer.current = null;
        post();
      }, wait);
    },
    [post],
  );

  /** Says again where this reader is (after its stream reopened). */
  const announce = useCallback(() => post(), [post]);

  return { reportCursor, announce };
}
