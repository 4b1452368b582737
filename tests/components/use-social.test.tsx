// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSocial } from '@/lib/client/use-social';
import type { SocialView, TSocialOpInput } from '@/lib/domain/social';

const VIEW: SocialView = {
  seq: 0,
  viewerId: 'u-1',
  comments: [],
  layers: [],
  people: [],
  myTeam: null,
  layersRevealed: false,
  canComment: true,
  canSeeAllLayers: false,
};

const OP: TSocialOpInput = {
  type: 'addComment',
  id: 'c-1',
  nodeId: 'n-1',
  body: 'Where is this in the source?',
  mentions: [],
};
const INVERSE: TSocialOpInput[] = [{ type: 'deleteComment', id: 'c-1' }];
const NOTE: TSocialOpInput = {
  type: 'upsertAnnotation',
  id: 'a-1',
  teamId: 't-1',
  target: { kind: 'NODE', nodeId: 'n-1' },
  kind: 'NOTE',
  body: 'Lead with the 2022 refusal',
};

type Answer = { status: number; body?: unknown } | 'offline';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A server that answers GETs with the view and POSTs with `answers`, in turn. */
function server(answers: Answer[]) {
  const posts: { idempotencyKey: string; intent: string }[] = [];
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    if (init?.method !== 'POST') return json(200, VIEW);
    posts.push(JSON.parse(String(init.body)) as (typeof posts)[number]);
    const answer = answers.shift() ?? { status: 200, body: { inverse: INVERSE } };
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return json(answer.status, answer.body ?? {});
  });
  vi.stubGlobal('fetch', fetchMock);
  return { posts };
}

async function mounted() {
  const onError = vi.fn();
  const hook = renderHook(() => useSocial({ mapId: 'm-1', shareToken: null, onError }));
  await waitFor(() => expect(hook.result.current.view).not.toBeNull());
  return { hook, onError };
}

beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

type Mounted = Awaited<ReturnType<typeof mounted>>['hook'];

/** Sends one batch and lets every retry's wait run out; the batch's outcome. */
async function sendAndSettle(hook: Mounted): Promise<boolean | undefined> {
  let sent: Promise<boolean> | undefined;
  act(() => {
    sent = hook.result.current.send([OP]);
  });
  await act(() => vi.runAllTimersAsync());
  return sent;
}

describe('useSocial sending a batch', () => {
  it('tries again while the server is unavailable or unreachable, under one idempotency key', async () => {
    const { posts } = server([{ status: 503 }, 'offline', { status: 503 }]);
    const { hook, onError } = await mounted();

    const sent = await sendAndSettle(hook);

    expect(sent).toBe(true);
    expect(posts).toHaveLength(4);
    expect(new Set(posts.map((p) => p.idempotencyKey)).size).toBe(1);
    expect(onError).not.toHaveBeenCalled();
    expect(hook.result.current.undo.comments.canUndo).toBe(true);
  });

  it('gives up after four attempts and says the change was not saved', async () => {
    const { posts } = server([{ status: 503 }, 'offline', { status: 503 }, 'offline']);
    const { hook, onError } = await mounted();

    const sent = await sendAndSettle(hook);

    expect(sent).toBe(false);
    expect(posts).toHaveLength(4);
    expect(onError).toHaveBeenCalledWith(
      'The server could not be reached, so that was not saved. Try again.',
    );
    expect(hook.result.current.undo.comments.canUndo).toBe(false);
  });

  it('does not retry a refusal, and shows the server’s reason', async () => {
    const { posts } = server([
      { status: 403, body: { error: { code: 'FORBIDDEN', message: 'Only the author may edit.' } } },
    ]);
    const { hook, onError } = await mounted();

    const sent = await sendAndSettle(hook);

    expect(sent).toBe(false);
    expect(posts).toHaveLength(1);
    expect(onError).toHaveBeenCalledWith('Only the author may edit.');
  });

  it('undoes a sent batch with the inverse the server returned', async () => {
    const { posts } = server([]);
    const { hook } = await mounted();

    await act(() => hook.result.current.send([OP]));
    expect(hook.result.current.undo.comments.canUndo).toBe(true);
    await act(() => hook.result.current.undo.comments.undo());

    expect(posts.map((p) => p.intent)).toEqual(['do', 'undo']);
    expect((posts[1] as unknown as { ops: unknown }).ops).toEqual(INVERSE);
    expect(hook.result.current.undo.comments.canUndo).toBe(false);
    expect(hook.result.current.undo.comments.canRedo).toBe(true);
  });

  it('keeps comments and notes apart: each area undoes only its own steps', async () => {
    const { posts } = server([
      { status: 200, body: { inverse: INVERSE } },
      { status: 200, body: { inverse: [{ type: 'deleteAnnotation', id: 'a-1' }] } },
    ]);
    const { hook } = await mounted();
    await act(() => hook.result.current.send([OP]));
    await act(() => hook.result.current.send([NOTE]));

    // The comment was sent first, the note last: the discussion's Undo still takes back the comment.
    await act(() => hook.result.current.undo.comments.undo());
    expect((posts.at(-1) as unknown as { ops: unknown }).ops).toEqual(INVERSE);
    expect(hook.result.current.undo.notes.canUndo).toBe(true);
    expect(hook.result.current.undo.comments.canRedo).toBe(true);
    expect(hook.result.current.undo.notes.canRedo).toBe(false);
  });

  it('tells a refused undo to the place it was pressed, and drops that step', async () => {
    const message = 'Your comment has replies now, so Undo leaves it in place.';
    server([
      { status: 200, body: { inverse: INVERSE } },
      { status: 409, body: { error: { code: 'CONFLICT', message } } },
    ]);
    const { hook, onError } = await mounted();
    await act(() => hook.result.current.send([OP]));

    let refusal: string | null = null;
    await act(async () => {
      refusal = await hook.result.current.undo.comments.undo();
    });
    expect(refusal).toBe(message);
    expect(onError).not.toHaveBeenCalled();
    expect(hook.result.current.undo.comments.canUndo).toBe(false);
    expect(hook.result.current.undo.comments.canRedo).toBe(false);
  });
});

const comment = (id: string, body: string) => ({
  id,
  nodeId: 'n-1',
  edgeId: null,
  parentId: null,
  authorId: 'u-2',
  authorName: 'Eliza',
  authorColor: '#2563eb',
  body,
  mentions: [],
  createdAt: '2026-12-01T10:00:00.000Z',
  editedAt: null,
  version: 1,
  resolved: false,
  deleted: false,
});
const added = (id: string, body: string) => ({
  comments: [comment(id, body)],
  removedComments: [],
  annotations: [],
  removedAnnotations: [],
});

describe('useSocial following the stream', () => {
  it('puts a change the stream carries in place, without refetching', async () => {
    server([]);
    const { hook } = await mounted();
    const gets = vi.mocked(fetch).mock.calls.length;

    act(() => hook.result.current.receive({ seq: 1, changes: added('c-9', 'A new point') }));

    expect(hook.result.current.view?.comments.map((c) => c.body)).toEqual(['A new point']);
    expect(vi.mocked(fetch).mock.calls.length).toBe(gets);
  });

  it('refetches when the stream only says something changed', async () => {
    server([]);
    const { hook } = await mounted();
    const gets = vi.mocked(fetch).mock.calls.length;

    await act(async () => hook.result.current.receive({ seq: 1 }));

    await waitFor(() => expect(vi.mocked(fetch).mock.calls.length).toBe(gets + 1));
  });

  it('never lets an older answer replace a newer view, and lays later changes over a fetched one', async () => {
    // Two refetches answered out of order: the second (newer) first.
    const answers: ((response: Response) => void)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init?: RequestInit) =>
          new Promise<Response>((resolve, reject) => {
            init?.signal?.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            );
            answers.push(resolve);
          }),
      ),
    );
    const onError = vi.fn();
    const hook = renderHook(() => useSocial({ mapId: 'm-1', shareToken: null, onError }));
    await waitFor(() => expect(answers).toHaveLength(1));
    await act(async () =>
      answers[0]!(json(200, { ...VIEW, seq: 5, comments: [comment('c-1', 'First')] })),
    );
    await waitFor(() => expect(hook.result.current.view?.seq).toBe(5));

    // Seq 7 arrives on the stream; a refetch is under way that was read at seq 6.
    act(() => hook.result.current.receive({ seq: 7, changes: added('c-3', 'Third') }));
    act(() => void hook.result.current.refresh());
    await waitFor(() => expect(answers).toHaveLength(2));
    await act(async () =>
      answers[1]!(
        json(200, {
          ...VIEW,
          seq: 6,
          comments: [comment('c-1', 'First'), comment('c-2', 'Second')],
        }),
      ),
    );
    // The fetched view (seq 6) with the stream's seq 7 laid over it: nothing lost.
    await waitFor(() =>
      expect(hook.result.current.view?.comments.map((c) => c.body)).toEqual([
        'First',
        'Second',
        'Third',
      ]),
    );

    // A late answer read at seq 4 changes nothing.
    act(() => void hook.result.current.refresh());
    await waitFor(() => expect(answers).toHaveLength(3));
    await act(async () => answers[2]!(json(200, { ...VIEW, seq: 4, comments: [] })));
    expect(hook.result.current.view?.comments.map((c) => c.body)).toEqual([
      'First',
      'Second',
      'Third',
    ]);
  });
});
