import 'server-only';
import { db } from '../db';
import { isAnonymous, perMapIdsOf } from '../maps/display-names';
import { realtimeBus, type BusEvent, type LoggedBatch } from './bus';

/**
 * One map's batches, in sequence order, once per process for all of its
 * open streams. Batches arrive with their bodies from the bus (the process
 * that committed them, or NOTIFY); the feed puts them in order (two commits
 * can finish in either order) and hands each to every stream of the map.
 * Only a gap (a notification too big to carry its batch, a lost one, a
 * reconnect) costs a read of the log, done once here and not once per
 * reader. Streams filter what they pass on (team layers) in memory.
 */

/** How long a later batch waits for an earlier one before the log is read. */
const GAP_WAIT_MS = 25;
const PAGE = 500;

type BatchListener = (batch: LoggedBatch) => void;

/**
 * Batches of a map after `after`, up to `upTo`, in order, as streams carry
 * them (with their per-map ids on an anonymous map). `anonymous`: whether
 * the map is, when the caller knows (else one more read).
 */
export async function readBatches(
  mapId: string,
  after: number,
  upTo: number,
  take = PAGE,
  anonymous?: boolean,
): Promise<LoggedBatch[]> {
  const rows = await db().mapOp.findMany({
    where: { mapId, seq: { gt: after, lte: upTo } },
    orderBy: { seq: 'asc' },
    take,
    select: { seq: true, actorId: true, idempotencyKey: true, teamId: true, op: true },
  });
  const batches = rows.map((row): LoggedBatch => {
    const {
      inverse: _inverse,
      intent: _intent,
      ...body
    } = row.op as LoggedBatch['body'] & {
      inverse?: unknown;
      intent?: unknown;
    };
    return {
      seq: row.seq,
      actorId: row.actorId,
      key: row.idempotencyKey,
      teamId: row.teamId,
      body,
    };
  });
  await withPerMapIds(mapId, batches, anonymous);
  return batches;
}

/**
 * The people a batch names by id: its actor, the authors of the round
 * entries it changed, and those its changes as classmates see them name.
 */
function peopleIn(batch: LoggedBatch): (string | null)[] {
  const changes =
    batch.body.kind === 'round'
      ? (batch.body.changes as { entries?: { authorId: string | null }[] } | undefined)
      : undefined;
  return [
    batch.actorId,
    ...(changes?.entries ?? []).map((e) => e.authorId),
    ...(batch.body.people ?? []),
  ];
}

/** Batches whose per-map ids are worked out (whether or not they name anyone pseudonymous). */
const prepared = new WeakSet<LoggedBatch>();

/**
 * Gives each batch of an anonymous map the per-map ids of the pseudonymous
 * people it names (`LoggedBatch.masked`), from `known` (a feed's cache of
 * them) where it can. `anonymous`: whether the map is, when known.
 */
async function withPerMapIds(
  mapId: string,
  batches: LoggedBatch[],
  anonymous?: boolean,
  known = new Map<string, string>(),
): Promise<void> {
  const unknown = batches.flatMap(peopleIn).filter((id) => id !== null && !known.has(id));
  if (unknown.length > 0) {
    const found = await perMapIdsOf(
      mapId,
      unknown,
      anonymous ?? (batches.length > 0 ? await isAnonymous(mapId) : false),
    );
    for (const [userId, id] of found) known.set(userId, id);
  }
  for (const batch of batches) {
    const masked = peopleIn(batch).flatMap((id) =>
      id !== null && known.has(id) ? [[id, known.get(id)!] as const] : [],
    );
    if (masked.length > 0) batch.masked = Object.fromEntries(masked);
    prepared.add(batch);
  }
}

/** The log's last seq: every batch up to it is committed (it moves in the batch's transaction). */
export async function lastSeqOf(mapId: string): Promise<number> {
  const map = await db().argumentMap.findUnique({
    where: { id: mapId },
    select: { lastSeq: true },
  });
  return map?.lastSeq ?? 0;
}

class MapFeed {
  /** The seq handed on next; null until the first batch says where the log is. */
  private next: number | null = null;
  /** Batches that arrived before an earlier one. */
  private readonly waiting = new Map<number, LoggedBatch>();
  /** The highest seq known to be committed. */
  private known = 0;
  private gapTimer: NodeJS.Timeout | null = null;
  private filling = false;
  /**
   * Whether the map is anonymous: null until read, then followed in the
   * batches themselves (the one that makes it anonymous comes in order, and
   * it never goes back). On an anonymous map each batch waits, in order,
   * for the per-map ids of the people it names before it is handed on.
   */
  private anonymous: boolean | null = null;
  private readonly perMapIds = new Map<string, string>();
  private preparing = false;
  readonly listeners = new Set<BatchListener>();
  private readonly unsubscribe: () => void;

  constructor(private readonly mapId: string) {
    this.unsubscribe = realtimeBus().subscribe(mapId, (event) => this.onEvent(event));
  }

  dispose() {
    this.unsubscribe();
    if (this.gapTimer) clearTimeout(this.gapTimer);
  }

  private onEvent(event: BusEvent) {
    if (event.type === 'ops') {
      this.known = Math.max(this.known, event.seq);
      if (event.batch) this.offer(event.batch);
      else {
        this.next ??= event.seq;
        this.fillAfter(0);
      }
    } else if (event.type === 'resync' && this.next !== null) {
      // Notifications sent while the LISTEN connection was down are lost: read the log.
      void lastSeqOf(this.mapId).then((lastSeq) => {
        this.known = Math.max(this.known, lastSeq);
        this.fillAfter(0);
      });
    }
  }

  private offer(batch: LoggedBatch) {
    this.next ??= batch.seq;
    if (batch.seq < this.next) return; // handed on already
    this.waiting.set(batch.seq, batch);
    this.drain();
    if (this.known >= this.next) this.fillAfter(GAP_WAIT_MS);
  }

  private drain() {
    if (this.preparing) return;
    while (this.next !== null) {
      const batch = this.waiting.get(this.next);
      if (!batch) return;
      if (this.anonymous !== false && !prepared.has(batch)) {
        this.preparing = true;
        void this.prepare(batch).then(
          () => {
            this.preparing = false;
            this.drain();
          },
          () => {
            // The database is away for a moment: never hand on a batch unmasked; try again.
            this.preparing = false;
            setTimeout(() => this.drain(), GAP_WAIT_MS * 4);
          },
        );
        return;
      }
      if (batch.body.anonymous) this.anonymous = true;
      this.waiting.delete(this.next);
      this.next++;
      for (const listener of this.listeners) {
        try {
          listener(batch);
        } catch {
          // One stream's failure is that stream's (it closes itself).
        }
      }
    }
  }

  private async prepare(batch: LoggedBatch) {
    this.anonymous ??= await isAnonymous(this.mapId);
    if (this.anonymous) await withPerMapIds(this.mapId, [batch], true, this.perMapIds);
    else prepared.add(batch);
  }

  /** Reads from the log what is known committed but has not arrived, unless it arrives first. */
  private fillAfter(ms: number) {
    if (this.gapTimer || this.filling) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      void this.fill();
    }, ms);
  }

  private async fill() {
    this.filling = true;
    let retry = false;
    try {
      while (this.next !== null && this.known >= this.next && this.listeners.size > 0) {
        const batches = await readBatches(
          this.mapId,
          this.next - 1,
          this.known,
          PAGE,
          this.anonymous ?? undefined,
        );
        // Not visible yet (a notification ahead of its commit): it comes with the next event.
        if (batches.length === 0) break;
        for (const batch of batches) if (batch.seq >= this.next) this.waiting.set(batch.seq, batch);
        this.drain();
      }
    } catch {
      // The database is away for a moment: try again shortly; streams that see a gap catch up themselves.
      retry = true;
    } finally {
      this.filling = false;
      if (retry && this.listeners.size > 0) this.fillAfter(GAP_WAIT_MS * 4);
    }
  }
}

const globalForFeeds = globalThis as unknown as { counterpointFeeds?: Map<string, MapFeed> };

/** Hands every batch of a map to `listener`, in order, from now on; returns the unsubscribe function. */
export function followMap(mapId: string, listener: BatchListener): () => void {
  const feeds = (globalForFeeds.counterpointFeeds ??= new Map());
  let feed = feeds.get(mapId);
  if (!feed) {
    feed = new MapFeed(mapId);
    feeds.set(mapId, feed);
  }
  feed.listeners.add(listener);
  const mine = feed;
  return () => {
    mine.listeners.delete(listener);
    if (mine.listeners.size === 0 && feeds.get(mapId) === mine) {
      feeds.delete(mapId);
      mine.dispose();
    }
  };
}
