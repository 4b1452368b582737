import { describe, expect, it } from 'vitest';
import { PresentingStore } from '@/lib/client/presenting-store';
import { PRESENTING_STALE_MS, type PresentingState } from '@/lib/domain/presenting';

const state = (clientId: string, n: number, extra: Partial<PresentingState> = {}) =>
  JSON.stringify({
    clientId,
    n,
    active: true,
    view: { x: 0, y: 0, width: 800, height: 600 },
    selection: null,
    spotlight: null,
    presenterId: 'teacher',
    name: 'Ms X',
    at: 0,
    ...extra,
  } satisfies PresentingState);

describe('PresentingStore', () => {
  it('keeps the presenting tab’s latest state: a late update, and this tab’s own, change nothing', () => {
    const store = new PresentingStore('me-aaaaaaaa');
    let heard = 0;
    store.subscribe(() => heard++);
    store.receive(state('teacher-tab', 2, { selection: 'b' }));
    store.receive(state('teacher-tab', 1, { selection: 'a' }));
    store.receive(state('me-aaaaaaaa', 9, { selection: 'c' }));
    expect(store.getState()?.selection).toBe('b');
    expect(heard).toBe(1);
  });

  it('only the presenting tab ends the presentation, and a silent presenter is forgotten', () => {
    const store = new PresentingStore('me-aaaaaaaa');
    store.receive(state('teacher-tab', 1));
    store.receive(state('other-tab', 5, { active: false }));
    expect(store.getState()).not.toBeNull();
    store.receive(state('teacher-tab', 2, { active: false }));
    expect(store.getState()).toBeNull();

    store.receive(state('teacher-tab', 3));
    store.prune(Date.now() + PRESENTING_STALE_MS / 2);
    expect(store.getState()).not.toBeNull();
    store.prune(Date.now() + PRESENTING_STALE_MS + 1_000);
    expect(store.getState()).toBeNull();
  });
});
