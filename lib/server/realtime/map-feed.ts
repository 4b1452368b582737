import 'server-only';
import { db } from '../db';
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

/** Batches of a map after `after`, up to `upTo`, in order, as streams carry them. */
export async function readBatches(
  mapId: string,
  after: number,
  upTo: number,
  take = PAGE,
): Promise<LoggedBatch[]> {
  const rows = await db().mapOp.findMany({
    where: { mapId, seq: { gt: after, lte: upTo } },
    orderBy: { seq: 'asc' },
    take,
    select: { seq: true, actorId: true, idempotencyKey: true, teamId: true, op: true },
  });
  return rows.map((row) => {
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
    while (this.next !== null) {
      const batch = this.waiting.get(this.next);
      if (!batch) return;
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
        const batches = await readBatches(this.mapId, this.next - 1, this.known);
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
