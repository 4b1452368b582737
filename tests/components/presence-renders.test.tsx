// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MapWorkspace } from '@/components/map/map-workspace';
import type { ModerationView } from '@/lib/domain/moderation/suggestions';
import type { SocialView } from '@/lib/domain/social';
import type { GraphNode, MapSnapshot } from '@/lib/domain/types';

/** Which cards rendered anything (the card or a part of it), in order. */
const renders = vi.hoisted(() => [] as string[]);

// Each card drawn inside a Profiler, which reports every render in its subtree:
// the card's own, and that of any part of it that re-renders by itself.
vi.mock('@/components/map/argument-node', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/components/map/argument-node')>();
  const { createElement, memo, Profiler } = await import('react');
  type Props = Parameters<typeof real.ArgumentNode>[0];
  return {
    ArgumentNode: memo((props: Props) =>
      createElement(
        Profiler,
        { id: props.id, onRender: (id: string) => renders.push(id) },
        createElement(real.ArgumentNode, props),
      ),
    ),
  };
});

/** The page's EventSource (the `eventsource` package's) at the network boundary: the test plays the server's stream. */
vi.mock('eventsource', () => ({
  get EventSource() {
    return StreamStub;
  },
}));
class StreamStub {
  static CLOSED = 2;
  static opened: StreamStub[] = [];
  readyState = 1;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    StreamStub.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.readyState = StreamStub.CLOSED;
  }
  emit(type: string, data: unknown) {
    const event = new MessageEvent<string>(type, { data: JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const node = (id: string, x: number): GraphNode => ({
  id,
  kind: 'CLAIM',
  text: `Claim ${id}`,
  side: 'NEUTRAL',
  x,
  y: 0,
  anchor: null,
  card: null,
  tags: [],
  version: 1,
});

const SNAPSHOT: MapSnapshot = {
  id: 'map-1',
  title: 'Uniforms',
  motion: 'This house would ban school uniforms',
  description: '',
  seq: 0,
  nodes: [node('A', 0), node('B', 300), node('C', 600)],
  edges: [],
  sources: [],
  citationStyle: 'DEBATE',
  tagColors: {},
  teams: [],
  canEdit: false,
  canManage: false,
};

const SOCIAL: SocialView = {
  seq: 0,
  viewerId: 'u-1',
  comments: [],
  layers: [],
  people: [],
  myTeam: null,
  layersRevealed: false,
  canComment: false,
  canSeeAllLayers: false,
};

/** What this page told the server about itself (its presence posts). */
let ownPresence: { clientId: string }[] = [];

/** The moderation view of a reader on a map that asks for no approval. */
const MODERATION: ModerationView = {
  me: null,
  requireApproval: false,
  moderator: false,
  manager: false,
  held: false,
  queue: [],
  flags: [],
  mine: [],
  myFlags: [],
  people: [],
};

beforeEach(() => {
  renders.length = 0;
  ownPresence = [];
  StreamStub.opened = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/presence'))
        ownPresence.push(JSON.parse(String(init!.body)) as { clientId: string });
      const body = url.includes('/social')
        ? SOCIAL
        : url.endsWith('/moderation')
          ? MODERATION
          : { ok: true };
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const presence = (over: Record<string, unknown>) => ({
  clientId: 'ana-tab-1',
  userId: 'u-2',
  name: 'Ana',
  color: '#0f766e',
  selection: null,
  cursor: null,
  left: false,
  at: 1,
  ...over,
});

async function openMap() {
  render(<MapWorkspace snapshot={SNAPSHOT} initialNodeId={null} />);
  await waitFor(() => expect(StreamStub.opened).toHaveLength(1));
  await waitFor(() => expect(ownPresence.length).toBeGreaterThan(0));
  const stream = StreamStub.opened[0]!;
  act(() => stream.emit('ready', { seq: 0 }));
  await waitFor(() => expect(document.querySelectorAll('.react-flow__node')).toHaveLength(3));
  // Let the first renders (and the social view's arrival) settle.
  await act(async () => new Promise((r) => setTimeout(r, 50)));
  renders.length = 0;
  return stream;
}

const watcherLabels = () =>
  [...document.querySelectorAll('[data-watchers]')].map((e) => e.textContent);

describe('presence on the canvas', () => {
  it('re-renders only the card someone selected, and no card when a cursor moves', async () => {
    const stream = await openMap();

    act(() => stream.emit('presence', presence({ selection: 'A' })));
    expect(watcherLabels()).toEqual(['Ana']);
    expect(screen.getByLabelText(/claim: Claim A/).querySelector('[data-watchers]')).not.toBe(null);
    expect(new Set(renders)).toEqual(new Set(['A']));

    renders.length = 0;
    act(() =>
      stream.emit('presence', presence({ selection: 'A', cursor: { x: 40, y: 30 }, at: 2 })),
    );
    expect(document.querySelectorAll('[data-remote-cursor]')).toHaveLength(1);
    expect(renders).toEqual([]);

    renders.length = 0;
    act(() =>
      stream.emit('presence', presence({ selection: 'B', cursor: { x: 40, y: 30 }, at: 3 })),
    );
    expect(new Set(renders)).toEqual(new Set(['A', 'B']));
    expect(watcherLabels()).toEqual(['Ana']);
  });

  it('shows an update delivered twice once, and never this page’s own presence as someone else', async () => {
    const stream = await openMap();
    const first = presence({ selection: 'A', at: 1 });
    const second = presence({ selection: 'B', at: 2 });
    act(() => {
      stream.emit('presence', first);
      stream.emit('presence', second);
      // The first again, late (it reached this page's server by two paths).
      stream.emit('presence', first);
    });
    expect(watcherLabels()).toEqual(['Ana']);
    expect(screen.getByLabelText(/claim: Claim B/).querySelector('[data-watchers]')).not.toBe(null);

    // The server sends this page's own presence back on its stream too.
    const own = ownPresence[0]!.clientId;
    act(() =>
      stream.emit(
        'presence',
        presence({ clientId: own, userId: 'u-1', name: 'Me', selection: 'C' }),
      ),
    );
    expect(watcherLabels()).toEqual(['Ana']);
    expect(screen.getByRole('list', { name: 'Also here: Ana' })).toBeTruthy();
  });
});
