'use client';

import { useOnViewportChange, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PRESENTING_HEARTBEAT_MS, type PresentingInput } from '@/lib/domain/presenting';

/** The presenter's view goes out at most this often while they pan or zoom. */
const VIEW_INTERVAL_MS = 150;

type Options = {
  mapId: string;
  clientId: string;
  selection: string | null;
};

/**
 * The presenting side of follow mode: while on, this tab tells every reader
 * the part of the map it shows (as a rectangle in map coordinates), its
 * selection and its spotlight; at once for a selection or spotlight, at
 * most every 150 ms for a view, and again every few seconds so a reader
 * who arrives late follows too. Off (or the page closed) tells them to stop.
 */
export function usePresenter({ mapId, clientId, selection }: Options) {
  const [active, setActive] = useState(false);
  const [spotlight, setSpotlight] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const flow = useStoreApi();
  const sent = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSent = useRef(0);
  const state = useRef({ active, selection, spotlight });
  const url = `/api/maps/${encodeURIComponent(mapId)}/presenting`;

  const post = useCallback(
    (keepalive = false) => {
      lastSent.current = Date.now();
      const { width, height, transform } = flow.getState();
      const [x, y, zoom] = transform;
      const body: PresentingInput = {
        clientId,
        n: ++sent.current,
        active: state.current.active,
        view:
          width > 0 && height > 0
            ? { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom }
            : null,
        selection: state.current.selection,
        spotlight: state.current.spotlight,
      };
      void fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        keepalive,
      })
        .then(async (response) => {
          if (response.ok || !state.current.active) return;
          const { message } = (await response.json().catch(() => ({}))) as { message?: string };
          state.current.active = false;
          setActive(false);
          setRefused(message ?? 'You cannot present this map.');
        })
        .catch(() => {});
    },
    [flow, clientId, url],
  );

  // On, off, a new selection or spotlight: at once.
  useEffect(() => {
    const was = state.current.active;
    state.current = { active, selection, spotlight };
    if (active || was) post();
  }, [active, selection, spotlight, post]);

  useEffect(() => {
    if (!active) return;
    const beat = setInterval(() => post(), PRESENTING_HEARTBEAT_MS);
    const leave = () => {
      state.current.active = false;
      post(true);
    };
    window.addEventListener('pagehide', leave);
    return () => {
      clearInterval(beat);
      window.removeEventListener('pagehide', leave);
    };
  }, [active, post]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (state.current.active) {
        state.current.active = false;
        post(true);
      }
    },
    [post],
  );

  useOnViewportChange({
    onChange: () => {
      if (!state.current.active || timer.current) return;
      const wait = Math.max(0, VIEW_INTERVAL_MS - (Date.now() - lastSent.current));
      timer.current = setTimeout(() => {
        timer.current = null;
        if (state.current.active) post();
      }, wait);
    },
  });

  const start = useCallback(() => {
    setRefused(null);
    setActive(true);
  }, []);
  const stop = useCallback(() => {
    setActive(false);
    setSpotlight(null);
  }, []);

  return { active, start, stop, spotlight, setSpotlight, refused };
}
