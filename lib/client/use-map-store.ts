'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Intent } from '../domain/history';
import { graphStateOf, type GraphState, type TOp } from '../domain/ops';
import type { MapSnapshot } from '../domain/types';
import { MapStore, type SendResult, type StoreNotice } from './map-store';
import { shareTokenHeaders } from './share-token';

/** What a student reads when the server refuses a change. */
function explainRefusal(code: string, message: string): string {
  switch (code) {
    case 'STALE_VERSION':
      return 'Someone else changed this while you were editing, so your edit was not saved. Their version is shown now.';
    case 'UNAVAILABLE':
      return 'The server could not save your change just now, so it was undone. Try again in a moment.';
    case 'FORBIDDEN':
      return 'You can look at this map but not change it. Ask its owner for edit access.';
    case 'UNAUTHENTICATED':
      return 'You are signed out. Sign in again to keep editing.';
    case 'NOT_FOUND':
    case 'DELETED':
      return 'That part of the map was deleted by someone else, so your change was undone.';
    case 'RATE_LIMITED':
      return `${message} This change was undone.`;
    case 'DUPLICATE_EDGE':
      return 'Those two nodes are already connected that way.';
    default:
      return message;
  }
}

/** POSTs a batch to the map's op route. Network failures throw; the store treats them as "offline". */
function opSender(mapId: string, shareToken: string | null = null) {
  return async (ops: TOp[], idempotencyKey: string, intent: Intent): Promise<SendResult> => {
    const response = await fetch(`/api/maps/${encodeURIComponent(mapId)}/ops`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...shareTokenHeaders(shareToken),
      },
      body: JSON.stringify({ ops, idempotencyKey, intent }),
    });
    const body = (await response.json().catch(() => null)) as {
      seq?: number;
      error?: { code: string; message: string };
    } | null;
    if (response.ok && typeof body?.seq === 'number') return { ok: true, seq: body.seq };
    if (body?.error) {
      const current = (body.error as { details?: { current?: unknown } }).details?.current;
      return {
        ok: false,
        code: body.error.code,
        message: explainRefusal(body.error.code, body.error.message),
        current,
      };
    }
    return {
      ok: false,
      code: 'SERVER',
      message: 'The server had a problem saving your change, so it was undone. Try again.',
    };
  };
}

/** The graph state of a snapshot as loaded: every node and edge live, with the map's sections and tag colours. */
export function initialGraph(snapshot: MapSnapshot): GraphState {
  const nodeSection = snapshot.sectionsView?.nodeSection ?? {};
  return graphStateOf(
    snapshot.nodes.map((n) => ({
      ...n,
      deleted: false,
      ...(nodeSection[n.id] !== undefined && { section: nodeSection[n.id] }),
    })),
    snapshot.edges.map((e) => ({ ...e, deleted: false })),
    { sections: snapshot.sectionsView?.sections ?? [], tagColors: snapshot.tagColors },
  );
}

/** One store per open map, its current view, and the latest notice for the UI. */
export function useMapStore(snapshot: MapSnapshot, shareToken: string | null = null) {
  const [notice, setNotice] = useState<StoreNotice | null>(null);
  const [store] = useState(
    () =>
      new MapStore(initialGraph(snapshot), opSender(snapshot.id, shareToken), setNotice, {
        history: snapshot.history,
        seq: snapshot.seq,
        actorId: snapshot.actorId ?? null,
      }),
  );
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  useEffect(() => {
    // A conflict waits for the reader's choice.
    if (!notice || notice.conflict) return;
    const timer = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(timer);
  }, [notice]);
  return { store, state, notice, setNotice };
}
