import { describe, expect, it } from 'vitest';
import { PresenceStore, type PresenceEntry } from '@/lib/client/presence-store';

const update = (n: number, fields: Partial<PresenceEntry> = {}) =>
  JSON.stringify({
    clientId: 'student-tab-1',
    userId: 'u1',
    name: 'Ana (student)',
    color: '#7c3aed',
    selection: null,
    cursor: null,
    left: false,
    n,
    at: 0,
    ...fields,
  });

describe('the others on the map', () => {
  it('forgets a tab that left even when a cursor it sent just before arrives after', () => {
    const store = new PresenceStore('teacher-tab');
    store.receive(update(1), 1_000);
    expect(store.getPeople().map((p) => p.name)).toEqual(['Ana (student)']);
    // Sent in this order (a cursor, then "left" as the tab closed), received the other way round.
    store.receive(update(3, { left: true }), 2_000);
    store.receive(update(2, { cursor: { x: 10, y: 20 } }), 2_001);
    expect(store.getPeople()).toEqual([]);
    // The tab, back from the browser's cache, says so with a newer update.
    store.receive(update(4), 3_000);
    expect(store.getPeople().map((p) => p.name)).toEqual(['Ana (student)']);
  });

  it('takes updates in the order sent, and one delivered twice once', () => {
    const store = new PresenceStore('teacher-tab');
    store.receive(update(1, { cursor: { x: 1, y: 1 } }), 1_000);
    store.receive(update(3, { cursor: { x: 3, y: 3 } }), 1_001);
    store.receive(update(2, { cursor: { x: 2, y: 2 } }), 1_002);
    store.receive(update(3, { cursor: { x: 3, y: 3 } }), 1_003);
    expect(store.getEveryone().map((p) => p.cursor)).toEqual([{ x: 3, y: 3 }]);
  });

  it('forgets a tab whose stream closed, and takes it back when that tab speaks again', () => {
    const store = new PresenceStore('teacher-tab');
    store.receive(update(5, { cursor: { x: 1, y: 1 } }), 1_000);
    // The server's word that the tab's stream closed: unnumbered.
    store.receive(update(0, { left: true, at: 1 }), 1_500);
    expect(store.getPeople()).toEqual([]);
    // A cursor sent before the stream closed, late, does not bring it back…
    store.receive(update(4, { cursor: { x: 0, y: 0 } }), 1_600);
    expect(store.getPeople()).toEqual([]);
    // …but the tab's next update, once its stream reopened, does.
    store.receive(update(6), 2_000);
    expect(store.getPeople().map((p) => p.name)).toEqual(['Ana (student)']);
  });

  it('tells its own tab when the server took it for gone, so it can say it is here', () => {
    let told = 0;
    const store = new PresenceStore('student-tab-1');
    store.whenTakenForGone(() => told++);
    store.receive(update(3), 1_000); // its own update, back from the stream
    store.receive(update(4, { left: true }), 1_001); // its own goodbye
    expect(told).toBe(0);
    store.receive(update(0, { left: true }), 1_002); // an old stream of it closed
    expect(told).toBe(1);
    expect(store.getPeople()).toEqual([]);
  });
});
