import 'server-only';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { Backoff } from '../../util/retry';
import { parseEnv, ServerEnv } from '../../env';

/**
 * Fan-out of "something happened on map X" between the app's processes.
 *
 * Notifications carry only small facts (a map id and a sequence number, or a
 * presence update); streams read the ops themselves from the log, so a lost
 * or duplicated notification costs a read, never a change. Every process
 * delivers its own events in memory at once; with a real PostgreSQL, events
 * also travel through NOTIFY to one dedicated LISTEN connection per process.
 * When that connection is (re)established, listeners are told to resync:
 * notifications sent while nobody listened are lost, the log is not.
 */

const OPS_CHANNEL = 'counterpoint_map_ops';
export const PRESENCE_CHANNEL = 'counterpoint_presence';

export type BusEvent =
  | { type: 'ops'; mapId: string; seq: number }
  | { type: 'presence'; mapId: string; payload: string }
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

  /** Listens to one map's events (and to resyncs); returns the unsubscribe function. */
  subscribe(mapId: string, listener: Listener): () => void {
    const forMap = (event: BusEvent) => {
      if (event.type === 'resync' || event.mapId === mapId) listener(event);
    };
    this.local.on('event', forMap);
    void this.ensureListening();
    return () => this.local.off('event', forMap);
  }

  /**
   * Delivers an event to this process's listeners now. Other processes hear
   * of it through NOTIFY, which the writer sends (notifyOpsInTransaction,
   * publishPresence).
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
    const payload = message.payload ?? '';
    if (message.channel === OPS_CHANNEL) {
      const [mapId, seq] = payload.split(':');
      if (mapId && Number.isInteger(Number(seq)))
        this.emitLocal({ type: 'ops', mapId, seq: Number(seq) });
    } else if (message.channel === PRESENCE_CHANNEL) {
      const split = payload.indexOf(':');
      if (split > 0)
        this.emitLocal({
          type: 'presence',
          mapId: payload.slice(0, split),
          payload: payload.slice(split + 1),
        });
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

/** Whether NOTIFY reaches other processes here (false on the embedded database). */
export function notifiesAcrossProcesses(): boolean {
  return realtimeBus().acrossProcesses;
}

type RawExecutor = {
  $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number>;
};

/**
 * Announces batch `seq` of a map to the other processes, from inside the
 * transaction that logs it: PostgreSQL delivers it at COMMIT, never for a
 * rollback. Every writer of the op log calls this one function.
 */
export async function notifyOpsInTransaction(
  tx: RawExecutor,
  mapId: string,
  seq: number,
): Promise<void> {
  if (notifiesAcrossProcesses())
    await tx.$executeRaw`SELECT pg_notify(${OPS_CHANNEL}, ${`${mapId}:${seq}`})`;
}
