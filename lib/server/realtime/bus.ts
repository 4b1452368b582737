import 'server-only';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { Backoff } from '../../util/retry';
import { parseEnv, ServerEnv } from '../../env';
import { stampSeq, tracing } from '../bench-trace';

/**
 * Fan-out of "something happened on map X" between the app's processes.
 *
 * The process that commits a batch hands the batch itself to its own streams
 * at once, and announces it to the other processes through NOTIFY, with the
 * batch in the payload when it fits (PostgreSQL caps a payload below 8000
 * bytes); a process that hears of a batch without its body reads it from the
 * log once, for all of its streams (map-feed.ts). A lost or duplicated
 * notification costs a read, never a change: the log is the truth.
 *
 * Every process delivers its own events in memory; with a real PostgreSQL,
 * events also travel through NOTIFY to one dedicated LISTEN connection per
 * process, which ignores the notifications it sent itself (they were
 * delivered in memory already: a reader never gets the same presence twice).
 * When that connection is (re)established, listeners are told to resync:
 * notifications sent while nobody listened are lost, the log is not.
 */

const OPS_CHANNEL = 'counterpoint_map_ops';
const PRESENCE_CHANNEL = 'counterpoint_presence';
const ACCESS_CHANNEL = 'counterpoint_access';
const PRESENTING_CHANNEL = 'counterpoint_presenting';
/** Below PostgreSQL's 8000-byte payload limit, with room for the header. */
const MAX_NOTIFY_BODY = 7_000;
/** This process, in its notifications: its own come back to it and are skipped. */
const ORIGIN = randomBytes(6).toString('hex');

/** One batch of a map's op log, as the streams of a process share it. */
export type LoggedBatch = {
  seq: number;
  actorId: string | null;
  key: string | null;
  /** Set for a team's private batch (notes): only that team's readers get it. */
  teamId: string | null;
  /**
   * The logged body without its inverse: graph ops (no kind), social ops
   * with kind 'social', round ops with kind 'round', or a source added or
   * changed with kind 'source', or a vote (its claim, never its value) with kind 'vote', or a
   * suggestion, flag or moderation setting (no words, no one's name) with kind 'moderation'.
   */
  body: {
    kind?: string;
    ops: unknown[];
    revealed?: boolean;
    /** The round a batch of kind 'round' belongs to. */
    roundId?: string;
    /** A batch of kind 'round' that deleted its round (kept in the log, so a catch-up says so too). */
    deleted?: boolean;
    /** A batch of kind 'moderation': what happened, to which suggestion or flag (ModerationBatch). */
    what?: string;
    suggestionId?: string;
    flagId?: string;
    /** The batch that made the map anonymous. */
    anonymous?: boolean;
    /**
     * A social batch on an anonymous map: its `changes` name people as
     * classmates see them (pseudonyms, user ids the stream masks), for
     * readers who do not see names only; `people`: the user ids they name.
     */
    pseudonymous?: boolean;
    people?: string[];
    changes?: unknown;
  };
  /**
   * On an anonymous map, the per-map ids of the pseudonymous people the
   * batch names (its actor, the authors of round entries), by user id:
   * what a reader who does not see names gets instead (map-stream.ts).
   * Worked out by each process that hands the batch on (map-feed.ts).
   */
  masked?: Record<string, string>;
};

export type BusEvent =
  /** Batch `seq` of a map committed; `batch` is absent when it was too big to notify. */
  | { type: 'ops'; mapId: string; seq: number; batch?: LoggedBatch }
  | { type: 'presence'; mapId: string; payload: string }
  /** The presenter's view, selection and spotlight (follow mode): memory only, like presence. */
  | { type: 'presenting'; mapId: string; payload: string }
  /** Who may read a map (or, with null, maps of a whole class) changed: streams re-check. */
  | { type: 'access'; mapId: string | null }
  | { type: 'resync' };

type Listener = (event: BusEvent) => void;

class RealtimeBus {
  private readonly local = new EventEmitter();
  private listener: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  /** Waits between attempts to (re)connect the LISTEN connection. */
  private readonly reconnect = new Backoff({ firstMs: 500, maxMs: 10_000 });
  private stopped = false;

  constructor(private readonly databaseUrl: string | null) {
    this.local.setMaxListeners(0);
  }

  /** True on a real PostgreSQL: events also travel through NOTIFY to other processes. */
  get acrossProcesses(): boolean {
    return this.databaseUrl !== null;
  }

  /** Listens to one map's events (and to resyncs and class-wide access changes); returns the unsubscribe function. */
  subscribe(mapId: string, listener: Listener): () => void {
    const forMap = (event: BusEvent) => {
      if (event.type === 'resync' || event.mapId === mapId || event.mapId === null) listener(event);
    };
    this.local.on('event', forMap);
    void this.ensureListening();
    return () => this.local.off('event', forMap);
  }

  /**
   * Delivers an event to this process's listeners now. Other processes hear
   * of it through NOTIFY, which the writer sends (opsNotification,
   * announce).
   */
  emitLocal(event: BusEvent) {
    this.local.emit('event', event);
  }

  private async ensureListening(): Promise<void> {
    if (!this.databaseUrl || this.listener || this.connecting || this.stopped) return;
    this.connecting = (async () => {
      const client = new pg.Client({
        connectionString: this.databaseUrl!,
        application_name: 'counterpoint-listen',
      });
      client.on('notification', (message) => this.onNotification(message));
      const lost = () => {
        if (this.listener !== client) return;
        this.listener = null;
        client.removeAllListeners();
        void client.end().catch(() => {});
        this.retryLater();
      };
      client.on('error', lost);
      client.on('end', lost);
      try {
        await client.connect();
        await client.query(`LISTEN ${OPS_CHANNEL}`);
        await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
        await client.query(`LISTEN ${ACCESS_CHANNEL}`);
        await client.query(`LISTEN ${PRESENTING_CHANNEL}`);
        this.listener = client;
        this.reconnect.reset();
        // Anything sent while we were not listening is in the log: catch up.
        this.emitLocal({ type: 'resync' });
      } catch {
        client.removeAllListeners();
        void client.end().catch(() => {});
        this.retryLater();
      }
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private retryLater(): void {
    setTimeout(() => void this.ensureListening(), this.reconnect.next());
  }

  private onNotification(message: pg.Notification) {
    const parsed = parseNotification(message.payload ?? '');
    if (tracing && parsed && message.channel === OPS_CHANNEL)
      stampSeq(Number(parsed.rest.split(' ', 1)[0]), 'notified');
    if (!parsed || parsed.origin === ORIGIN) return;
    const { mapId, rest } = parsed;
    if (message.channel === OPS_CHANNEL) {
      const space = rest.indexOf(' ');
      const seq = Number(space < 0 ? rest : rest.slice(0, space));
      if (!Number.isInteger(seq)) return;
      let batch: LoggedBatch | undefined;
      if (space >= 0) {
        try {
          batch = JSON.parse(rest.slice(space + 1)) as LoggedBatch;
        } catch {
          // Read from the log instead.
        }
      }
      this.emitLocal({ type: 'ops', mapId, seq, ...(batch?.seq === seq && { batch }) });
    } else if (message.channel === PRESENCE_CHANNEL) {
      this.emitLocal({ type: 'presence', mapId, payload: rest });
    } else if (message.channel === PRESENTING_CHANNEL) {
      this.emitLocal({ type: 'presenting', mapId, payload: rest });
    } else if (message.channel === ACCESS_CHANNEL) {
      this.emitLocal({ type: 'access', mapId: mapId === '*' ? null : mapId });
    }
  }

  /** Stops listening (tests). */
  async stop() {
    this.stopped = true;
    const client = this.listener;
    this.listener = null;
    client?.removeAllListeners();
    await client?.end().catch(() => {});
  }
}

/** `ORIGIN MAPID REST`: who sent it, which map (or `*`), and the rest as sent. */
function parseNotification(payload: string) {
  const first = payload.indexOf(' ');
  const second = payload.indexOf(' ', first + 1);
  if (first <= 0) return null;
  return {
    origin: payload.slice(0, first),
    mapId: payload.slice(first + 1, second < 0 ? undefined : second),
    rest: second < 0 ? '' : payload.slice(second + 1),
  };
}

const globalForBus = globalThis as unknown as { counterpointBus?: RealtimeBus };

/** The process's bus: LISTEN/NOTIFY on a real PostgreSQL, in memory only in embedded mode. */
export function realtimeBus(): RealtimeBus {
  if (!globalForBus.counterpointBus) {
    const env = parseEnv(ServerEnv);
    globalForBus.counterpointBus = new RealtimeBus(
      env.COUNTERPOINT_DB_MODE === 'postgres' ? env.DATABASE_URL : null,
    );
  }
  return globalForBus.counterpointBus;
}

type RawExecutor = {
  $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number>;
};

/**
 * The NOTIFY that announces a batch to the other processes, for the writer
 * of the op log (appendToLog) to send inside the transaction that logs it:
 * PostgreSQL delivers it at COMMIT, never for a rollback. Null on the
 * embedded database (one process: nobody else to tell).
 */
export function opsNotification(
  mapId: string,
  batch: LoggedBatch,
): { channel: string; payload: string } | null {
  if (!realtimeBus().acrossProcesses) return null;
  const body = JSON.stringify(batch);
  const rest = Buffer.byteLength(body) <= MAX_NOTIFY_BODY ? `${batch.seq} ${body}` : `${batch.seq}`;
  return { channel: OPS_CHANNEL, payload: `${ORIGIN} ${mapId} ${rest}` };
}

/**
 * Tells this process's streams at once and, on a real PostgreSQL, the other
 * processes' streams: presence (memory only, never written), or a change of
 * who may read a map (`mapId` null: every map, for a change to a class).
 * An access change is announced after its transaction commits.
 */
export async function announce(
  executor: RawExecutor,
  event: Extract<BusEvent, { type: 'presence' | 'presenting' | 'access' }>,
): Promise<void> {
  realtimeBus().emitLocal(event);
  if (!realtimeBus().acrossProcesses) return;
  if (event.type === 'presence' || event.type === 'presenting') {
    const channel = event.type === 'presence' ? PRESENCE_CHANNEL : PRESENTING_CHANNEL;
    await executor.$executeRaw`SELECT pg_notify(${channel}, ${`${ORIGIN} ${event.mapId} ${event.payload}`})`;
  } else {
    await executor.$executeRaw`SELECT pg_notify(${ACCESS_CHANNEL}, ${`${ORIGIN} ${event.mapId ?? '*'}`})`;
  }
}
