import { KeyedStore } from './keyed-store';
import type { Watcher } from './to-flow';

/** Someone else with the map open: who, what they have selected, and where their cursor is. */
export type PresenceEntry = {
  clientId: string;
  userId: string | null;
  name: string;
  color: string;
  selection: string | null;
  cursor: { x: number; y: number } | null;
  left: boolean;
  /** The client's count of its updates (1, 2, 3…): an older one arriving late is dropped. */
  n?: number;
  at: number;
};

/** Others are forgotten this long after their last sign of life. */
const PRESENCE_TTL_MS = 30_000;
/** How many of each client's latest updates are remembered, to drop a repeat of one. */
const REMEMBERED = 8;

const NO_WATCHERS: Watcher[] = [];
const sameWatchers = (a: Watcher[], b: Watcher[]) =>
  a.length === b.length && a.every((w, i) => w.name === b[i]!.name && w.color === b[i]!.color);

/**
 * The others on the map, kept outside React state: a cursor moving several
 * times a second re-renders the cursors, not the workspace. Three readings:
 * the people (avatars; a new array only when someone arrives, leaves or is
 * renamed), everyone with their cursor, and per node who has it selected
 * (`watchers`, read per card).
 */
export class PresenceStore {
  /** Who else has each node selected. */
  readonly watchers = new KeyedStore<Watcher[]>(NO_WATCHERS, sameWatchers);
  private others = new Map<string, PresenceEntry>();
  /** Each client's latest updates as they came, to recognise one delivered twice. */
  private seen = new Map<string, string[]>();
  /**
   * Each client's latest update number, kept a while after it left: a cursor
   * sent just before a tab closed can reach the server after its "left", and
   * must not bring it back.
   */
  private latest = new Map<string, { n: number; at: number }>();
  private everyone: PresenceEntry[] = [];
  private people: PresenceEntry[] = [];
  private readonly listeners = new Set<() => void>();

  /**
   * Called when the server says this tab left because one of its streams
   * closed (after a reconnect the old stream's end can be noticed late), so
   * the tab can say it is here.
   */
  private readonly goneListeners = new Set<() => void>();
  whenTakenForGone = (listener: () => void): (() => void) => {
    this.goneListeners.add(listener);
    return () => this.goneListeners.delete(listener);
  };

  /** `clientId` is this tab's own: its updates come back on the stream and are not someone else. */
  constructor(readonly clientId: string) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Everyone else, with their cursor and selection. */
  getEveryone = (): PresenceEntry[] => this.everyone;

  /** One entry per person (a person with two tabs is one avatar). */
  getPeople = (): PresenceEntry[] => this.people;

  /**
   * One `presence` event's data, as the stream sent it. The same update can
   * reach a reader twice (several server processes pass presence along), so
   * a repeat of one of a client's latest updates is dropped.
   */
  receive(data: string, now = Date.now()): void {
    const entry = JSON.parse(data) as PresenceEntry;
    if (entry.clientId === this.clientId) {
      if (entry.left && !entry.n) for (const listener of this.goneListeners) listener();
      return;
    }
    if (entry.n) {
      const latest = this.latest.get(entry.clientId);
      if (latest && entry.n <= latest.n) return;
      this.latest.set(entry.clientId, { n: entry.n, at: now });
    }
    const seen = this.seen.get(entry.clientId) ?? [];
    if (seen.includes(data)) return;
    this.seen.set(entry.clientId, [...seen, data].slice(-REMEMBERED));
    if (entry.left) {
      if (!this.others.delete(entry.clientId)) return;
    } else this.others.set(entry.clientId, { ...entry, at: now });
    this.changed();
  }

  /** Forgets those not heard from for PRESENCE_TTL_MS (a tab closed without saying so). */
  prune(now = Date.now()): void {
    let pruned = false;
    for (const clientId of this.seen.keys())
      if (!this.others.has(clientId)) this.seen.delete(clientId);
    for (const [clientId, latest] of this.latest)
      if (!this.others.has(clientId) && now - latest.at >= PRESENCE_TTL_MS)
        this.latest.delete(clientId);
    for (const [clientId, p] of this.others)
      if (now - p.at >= PRESENCE_TTL_MS) {
        this.others.delete(clientId);
        this.seen.delete(clientId);
        pruned = true;
      }
    if (pruned) this.changed();
  }

  private changed() {
    this.everyone = [...this.others.values()];
    const byPerson = new Map<string, PresenceEntry>();
    for (const p of this.everyone) byPerson.set(p.userId ?? p.clientId, p);
    const people = [...byPerson.values()];
    const samePeople =
      people.length === this.people.length &&
      people.every((p, i) => {
        const q = this.people[i]!;
        return p.clientId === q.clientId && p.name === q.name && p.color === q.color;
      });
    if (!samePeople) this.people = people;
    const byNode = new Map<string, Watcher[]>();
    for (const p of this.everyone)
      if (p.selection)
        byNode.set(p.selection, [
          ...(byNode.get(p.selection) ?? []),
          { name: p.name, color: p.color },
        ]);
    this.watchers.replace(byNode);
    for (const listener of this.listeners) listener();
  }
}
