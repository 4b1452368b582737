// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useOwnUndo } from '@/components/map/use-own-undo';
import { MapStore } from '@/lib/client/map-store';
import { useSocial } from '@/lib/client/use-social';
import type { HistoryEntry } from '@/lib/domain/history';
import { graphStateOf } from '@/lib/domain/ops';
import type { SocialHistoryEntry, SocialView, TSocialOpInput } from '@/lib/domain/social';
import { op } from '../support/ops';

/** The server's (and the database's) clock; the browser's is three hours behind it. */
const SERVER_NOW = Date.parse('2025-03-10T12:00:00Z');
const BROWSER_NOW = SERVER_NOW - 3 * 3600_000;

const COMMENT: TSocialOpInput = {
  type: 'addComment',
  id: 'c-1',
  nodeId: 'a',
  body: 'Where is this in the source?',
  mentions: [],
};
const UNCOMMENT: TSocialOpInput[] = [{ type: 'deleteComment', id: 'c-1' }];

const view = (history?: SocialView['history']): SocialView => ({
  seq: 0,
  viewerId: 'u-1',
  comments: [],
  layers: [],
  people: [],
  myTeam: null,
  layersRevealed: false,
  canComment: true,
  canSeeAllLayers: false,
  ...(history && { history }),
});

/** The social route at the network boundary: the first view carries `history`; POSTs answer the next seq. */
function socialServer(history: SocialHistoryEntry[], firstSeq: number) {
  const intents: string[] = [];
  let seq = firstSeq;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body =
        init?.method === 'POST'
          ? (intents.push((JSON.parse(String(init.body)) as { intent: string }).intent),
            { inverse: UNCOMMENT, seq: ++seq })
          : view(url.includes('history=1') ? { undo: history, redo: [] } : undefined);
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return { intents };
}

/** The map store of a page loaded at `seq`, with `history` rebuilt by the server, whose op route answers the next seqs. */
function mapStore(seq: number, history: HistoryEntry[] = []) {
  let next = seq;
  const initial = graphStateOf(
    [
      {
        id: 'a',
        kind: 'CLAIM',
        text: 'Claim a',
        side: 'NEUTRAL',
        x: 0,
        y: 0,
        anchor: null,
        version: 1,
        deleted: false,
      },
    ],
    [],
  );
  return new MapStore(
    initial,
    async () => ({ ok: true, seq: ++next }),
    () => {},
    {
      seq,
      history: { undo: history, redo: [] },
    },
  );
}

function renderWorkspaceUndo(store: MapStore) {
  return renderHook(() => {
    const social = useSocial({ mapId: 'm-1', shareToken: null, onError: () => {} });
    return { social, own: useOwnUndo(store, social, true) };
  });
}

const liveTexts = (store: MapStore) =>
  [...store.getView().nodes.values()].filter((n) => !n.deleted).map((n) => n.text);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(BROWSER_NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('one Undo for the map and the notes, with the browser’s clock hours behind the server’s', () => {
  it('takes back a map edit made on this page before a comment made before the reload', async () => {
    // The comment was batch 10, by the database's clock a minute ago.
    const server = socialServer(
      [{ key: 'log-10', ops: UNCOMMENT, at: SERVER_NOW - 60_000, seq: 10 }],
      10,
    );
    const store = mapStore(10);
    const hook = renderWorkspaceUndo(store);
    await waitFor(() => expect(hook.result.current.social.undoAt).toBeGreaterThan(0));

    store.perform([op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Edited now' })]);
    await store.settled(); // batch 11

    act(() => hook.result.current.own.undo());
    expect(liveTexts(store)).toEqual(['Claim a']);
    await store.settled();
    expect(server.intents).toEqual([]);
  });

  it('takes back a comment made on this page before a map edit made before the reload', async () => {
    const server = socialServer([], 12);
    // The map edit was batch 12, stamped by the database a minute ago.
    const store = mapStore(12, [
      {
        key: 'log-12',
        ops: [op({ type: 'updateNode', id: 'a', expect: { text: 'Claim a' }, text: 'Before' })],
        at: SERVER_NOW - 60_000,
        seq: 12,
      },
    ]);
    const hook = renderWorkspaceUndo(store);
    await waitFor(() => expect(hook.result.current.social.view).not.toBeNull());
    await act(() => hook.result.current.social.send([COMMENT])); // batch 13

    await act(async () => hook.result.current.own.undo());
    await waitFor(() => expect(server.intents).toEqual(['do', 'undo']));
    expect(liveTexts(store)).toEqual(['Claim a']);
    expect(store.canUndo).toBe(true);
  });
});
