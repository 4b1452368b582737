import type { HistoryEntry, Intent } from '../domain/history';
import { OpError, type GraphState, type NodeState, type TOp } from '../domain/ops';
import { backoffDelays, retry } from '../util/retry';
import { OpLedger, type Batch, type RemoteBatch } from './op-ledger';

export type { RemoteBatch } from './op-ledger';

/** The server's answer to a batch: its sequence number, or why it was refused. */
export type SendResult =
  { ok: true; seq: number } | { ok: false; code: string; message: string; current?: unknown };

/** Sends one batch to the server under its idempotency key. */
export type Send = (ops: TOp[], idempotencyKey: string, intent: Intent) => Promise<SendResult>;

type History = HistoryEntry;

/** A text edit refused because someone else changed the text first: the UI offers to merge or overwrite. */
export type TextConflict = { nodeId: string; mine: string; theirs: NodeState };

/** What the store tells the reader: a refused change, the server out of reach, or a local refusal. */
export type StoreNotice = {
  kind: 'refused' | 'offline' | 'local';
  message: string;
  conflict?: TextConflict;
};

/** What the UI renders from; a new object after every change, for useSyncExternalStore. */
export type StoreSnapshot = {
  view: GraphState;
  saving: boolean;
  canUndo: boolean;
  canRedo: boolean;
};

/** How a store starts: its undo history and sequence number, and how it retries. */
export type StoreOptions = {
  /** Undo and redo stacks rebuilt by the server (undo after reload). */
  history?: { undo: HistoryEntry[]; redo: HistoryEntry[] };
  /** The sequence number the initial state is at. */
  seq?: number;
  /** Who the op log records as the author of this tab's batches: the user, or null for a share-link editor. */
  actorId?: string | null;
  /** Waits between attempts to reach the server; the last is the final one. */
  retryDelays?: number[];
  /** Called when the stream skipped ahead of what this copy can follow: reload the snapshot. */
  onOutOfStep?: () => void;
};

const RETRYABLE = new Set(['OFFLINE', 'UNAVAILABLE']);
/** 0.5 s, 1 s, 2 s, 4 s, 8 s: about a quarter of a minute before a change is given up. */
const RETRY_DELAYS = backoffDelays(5, { firstMs: 500, maxMs: 8000 });
const UNREACHABLE: SendResult = {
  ok: false,
  code: 'OFFLINE',
  message: 'The server could not be reached, so your last change was undone.',
};

/**
 * The browser's copy of a map's graph, edited optimistically and kept in
 * step with everyone else's edits.
 *
 * The graph itself, confirmed by the server plus own batches not yet
 * confirmed, is kept by an OpLedger. Own batches are sent one at a time, in
 * order; a
 * server that cannot be reached is retried with the same idempotency key
 * (so nothing applies twice); a refused batch is dropped, the view rebuilt,
 * and the reason reported: a change is never lost silently. Undo and redo
 * perform inverse ops, sent and checked like any edit.
 */
export class MapStore {
  private ledger: OpLedger;
  private undoStack: History[];
  private redoStack: History[];
  private sending = false;
  /** The running send loop, for `settled`. */
  private drained: Promise<void> = Promise.resolve();
  private listeners = new Set<() => void>();
  private remoteListeners = new Set<(batch: RemoteBatch, view: GraphState) => void>();
  private snapshot: StoreSnapshot;
  private readonly retryDelays: number[];
  private onOutOfStep: () => void;

  constructor(
    initial: GraphState,
    private readonly send: Send,
    private readonly onNotice: (notice: StoreNotice) => void = () => {},
    options: StoreOptions = {},
  ) {
    this.ledger = new OpLedger(initial, options.seq ?? 0, options.actorId ?? null);
    this.undoStack = (options.history?.undo ?? []).map(rebuiltStep);
    this.redoStack = (options.history?.redo ?? []).map(rebuiltStep);
    this.retryDelays = options.retryDelays ?? RETRY_DELAYS;
    this.onOutOfStep = options.onOutOfStep ?? (() => {});
    this.snapshot = this.takeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): GraphState => this.ledger.view;

  /**
   * Calls `listener` with each batch from someone else once it is in place,
   * and the map as it now stands (to say what changed, for a screen reader).
   */
  onRemote = (listener: (batch: RemoteBatch, view: GraphState) => void): (() => void) => {
    this.remoteListeners.add(listener);
    return () => this.remoteListeners.delete(listener);
  };

  getSnapshot = (): StoreSnapshot => this.snapshot;

  /** Who restarts this copy from a fresh snapshot when the stream gets ahead of it. */
  whenOutOfStep(handler: () => void): void {
    this.onOutOfStep = handler;
  }

  /** The sequence number of the last batch this copy has in place. */
  get seq(): number {
    return this.ledger.seq;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** True while own changes have not been acknowledged by the server. */
  get saving(): boolean {
    return this.ledger.unacknowledged;
  }

  /** Applies `ops` now and sends them. Returns false (and reports why) when they cannot apply. */
  perform(ops: TOp[]): boolean {
    const history = this.apply(ops, 'do');
    if (!history) return false;
    this.undoStack.push(history);
    this.redoStack = [];
    this.emit();
    return true;
  }

  undo(): boolean {
    return this.travel(this.undoStack, this.redoStack, 'undo');
  }

  redo(): boolean {
    return this.travel(this.redoStack, this.undoStack, 'redo');
  }

  /**
   * A batch from the live stream. Batches arrive in sequence order; one
   * already in place is ignored (the stream and the server's answer both
   * report own batches), and a gap means this copy is out of step.
   */
  receive(batch: RemoteBatch): void {
    const outcome = this.ledger.receive(batch);
    if (outcome === 'out-of-step') return this.onOutOfStep();
    if (outcome !== 'applied') return;
    this.emit();
    for (const listener of this.remoteListeners) listener(batch, this.ledger.view);
  }

  /** Sequence numbers the stream passed over (batches private to other teams). */
  skipTo(seq: number): void {
    this.ledger.skipTo(seq);
  }

  /** A source was removed as batch `seq`: deleted nodes that quoted it lose the quote (OpLedger.forgetSource). */
  forgetSource(sourceId: string, seq: number): void {
    this.ledger.forgetSource(sourceId, seq);
    this.emit();
  }

  /**
   * Starts again from a fresh snapshot (after falling too far behind). Own
   * batches the server has acknowledged are in it; the others are replayed
   * on top.
   */
  reset(state: GraphState, seq: number): void {
    this.ledger.reset(state, seq);
    this.emit();
  }

  /** Resolves when every own batch has been answered. */
  async settled(): Promise<void> {
    while (this.sending || this.ledger.unacknowledged) await this.drained;
  }

  private travel(from: History[], to: History[], intent: Intent): boolean {
    const entry = from.pop();
    if (!entry) return false;
    const history = this.apply(entry.ops, intent);
    if (!history) {
      this.emit();
      return false;
    }
    to.push(history);
    this.emit();
    return true;
  }

  /** Applies locally, queues for the server, and returns the inverse batch. */
  private apply(ops: TOp[], intent: Intent): History | null {
    let added: { key: string; inverse: TOp[] };
    try {
      added = this.ledger.add(ops, intent);
    } catch (error) {
      if (error instanceof OpError) {
        // Someone else's change to the same text reached this copy first:
        // the same choice as when the server refuses it.
        const conflict =
          error.code === 'STALE_VERSION' ? conflictOf(ops, error.current) : undefined;
        this.onNotice(
          conflict
            ? { kind: 'refused', message: error.message, conflict }
            : { kind: 'local', message: error.message },
        );
        return null;
      }
      throw error;
    }
    if (!this.sending) this.drained = this.flush();
    return { key: added.key, ops: added.inverse, at: Date.now() };
  }

  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (;;) {
        const batch = this.ledger.nextToSend();
        if (!batch) break;
        const result = await this.sendWithRetry(batch);
        if (result.ok) this.numberSteps(batch.key, result.seq);
        if (!this.ledger.isPending(batch)) continue;
        if (result.ok) {
          this.ledger.acknowledge(batch, result.seq);
        } else {
          this.dropRefused(batch.key);
          this.onNotice({
            kind: RETRYABLE.has(result.code) ? 'offline' : 'refused',
            message: result.message,
            ...(result.code === 'STALE_VERSION' && {
              conflict: conflictOf(batch.ops, result.current),
            }),
          });
        }
        this.emit();
      }
    } finally {
      this.sending = false;
    }
  }

  /** Sends a batch, resending it with the same key while the server cannot be reached. */
  private sendWithRetry(batch: Batch): Promise<SendResult> {
    return retry(() => this.send(batch.ops, batch.key, batch.intent), {
      delays: this.retryDelays,
      retryIf: (result) => !result.ok && RETRYABLE.has(result.code),
      onThrow: () => UNREACHABLE,
    });
  }

  /** The undo or redo step a batch made is at `seq` in the log. */
  private numberSteps(key: string, seq: number) {
    for (const step of [...this.undoStack, ...this.redoStack]) if (step.key === key) step.seq = seq;
  }

  /** Rebuilds the view without a refused batch, and forgets undo entries that would act on it. */
  private dropRefused(key: string) {
    const dropped = this.ledger.dropRefused(key);
    this.undoStack = this.undoStack.filter((h) => !dropped.has(h.key));
    this.redoStack = this.redoStack.filter((h) => !dropped.has(h.key));
  }

  private takeSnapshot(): StoreSnapshot {
    return {
      view: this.ledger.view,
      saving: this.saving,
      canUndo: this.canUndo,
      canRedo: this.canRedo,
    };
  }

  private emit() {
    this.snapshot = this.takeSnapshot();
    for (const listener of this.listeners) listener();
  }
}

/** A step rebuilt from the log is placed by its seq: any time it carries is the database's clock, not this browser's. */
function rebuiltStep({ at: _at, ...step }: History): History {
  return step;
}

/** The text conflict a stale one-op text edit ran into, given the node as it is now. */
function conflictOf(ops: TOp[], current: unknown): TextConflict | undefined {
  const [op] = ops;
  const theirs = current as NodeState | undefined;
  if (
    ops.length !== 1 ||
    op?.type !== 'updateNode' ||
    op.text === undefined ||
    !theirs ||
    theirs.id !== op.id
  )
    return undefined;
  return { nodeId: op.id, mine: op.text, theirs };
}
