import type { HistoryEntry, Intent } from '../domain/history';
import {
  applyOp,
  invertOp,
  OpError,
  type GraphState,
  type NodeState,
  type TOp,
} from '../domain/ops';

/**
 * The browser's copy of a map's graph, edited optimistically and kept in
 * step with everyone else's edits.
 *
 * `confirmed` is the map as of `confirmedSeq`, built only from batches in
 * sequence order (the server's answers and the live stream); `pending` are
 * this tab's own batches the stream has not yet shown in place. The view is
 * confirmed + pending. Own batches are sent one at a time, in order; a
 * server that cannot be reached is retried with the same idempotency key
 * (so nothing applies twice); a refused batch is dropped, the view rebuilt,
 * and the reason reported: a change is never lost silently. Undo and redo
 * perform inverse ops, sent and checked like any edit.
 */

export type SendResult =
  { ok: true; seq: number } | { ok: false; code: string; message: string; current?: unknown };

export type Send = (ops: TOp[], idempotencyKey: string, intent: Intent) => Promise<SendResult>;

/** A batch committed by anyone, as the stream delivers it. */
export type RemoteBatch = { seq: number; key: string | null; ops: TOp[] };

type Batch = { key: string; ops: TOp[]; intent: Intent; acked: boolean };
type History = HistoryEntry;

/** A text edit refused because someone else changed the text first: the UI offers to merge or overwrite. */
export type TextConflict = { nodeId: string; mine: string; theirs: NodeState };

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

export type StoreOptions = {
  /** Undo and redo stacks rebuilt by the server (undo after reload). */
  history?: { undo: HistoryEntry[]; redo: HistoryEntry[] };
  /** The sequence number the initial state is at. */
  seq?: number;
  /** Waits between attempts to reach the server; the last is the final one. */
  retryDelays?: number[];
  /** Called when the stream skipped ahead of what this copy can follow: reload the snapshot. */
  onOutOfStep?: () => void;
};

const RETRYABLE = new Set(['OFFLINE', 'UNAVAILABLE']);

export class MapStore {
  private confirmed: GraphState;
  private confirmedSeq: number;
  private pending: Batch[] = [];
  private view: GraphState;
  private undoStack: History[];
  private redoStack: History[];
  private sending = false;
  /** The running send loop, for `settled`. */
  private drained: Promise<void> = Promise.resolve();
  private listeners = new Set<() => void>();
  private counter = 0;
  private snapshot: StoreSnapshot;
  private readonly retryDelays: number[];
  private onOutOfStep: () => void;

  constructor(
    initial: GraphState,
    private readonly send: Send,
    private readonly onNotice: (notice: StoreNotice) => void = () => {},
    options: StoreOptions = {},
  ) {
    this.confirmed = initial;
    this.view = initial;
    this.confirmedSeq = options.seq ?? 0;
    this.undoStack = [...(options.history?.undo ?? [])];
    this.redoStack = [...(options.history?.redo ?? [])];
    this.retryDelays = options.retryDelays ?? [500, 1000, 2000, 4000, 8000];
    this.onOutOfStep = options.onOutOfStep ?? (() => {});
    this.snapshot = this.takeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): GraphState => this.view;

  getSnapshot = (): StoreSnapshot => this.snapshot;

  /** Who restarts this copy from a fresh snapshot when the stream gets ahead of it. */
  whenOutOfStep(handler: () => void): void {
    this.onOutOfStep = handler;
  }

  /** The sequence number of the last batch this copy has in place. */
  get seq(): number {
    return this.confirmedSeq;
  }

  /** When the step Undo would take back was made (0 for steps from before this page, -1 for none). */
  get undoAt(): number {
    return this.undoStack.length ? (this.undoStack.at(-1)!.at ?? 0) : -1;
  }

  get redoAt(): number {
    return this.redoStack.length ? (this.redoStack.at(-1)!.at ?? 0) : -1;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** True while own changes have not been acknowledged by the server. */
  get saving(): boolean {
    return this.pending.some((b) => !b.acked);
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
    if (batch.seq <= this.confirmedSeq) return;
    if (batch.seq > this.confirmedSeq + 1) return this.onOutOfStep();
    const next = this.replay(this.confirmed, [batch.ops], true);
    if (!next) return this.onOutOfStep();
    this.confirmed = next;
    this.confirmedSeq = batch.seq;
    if (batch.key) this.pending = this.pending.filter((b) => b.key !== batch.key);
    this.rebuildView();
    this.emit();
  }

  /** Sequence numbers the stream passed over (batches private to other teams). */
  skipTo(seq: number): void {
    if (seq > this.confirmedSeq) this.confirmedSeq = seq;
  }

  /**
   * Starts again from a fresh snapshot (after falling too far behind). Own
   * batches the server has acknowledged are in it; the others are replayed
   * on top.
   */
  reset(state: GraphState, seq: number): void {
    this.confirmed = state;
    this.confirmedSeq = seq;
    this.pending = this.pending.filter((b) => !b.acked);
    this.rebuildView();
    this.emit();
  }

  /** Resolves when every own batch has been answered. */
  async settled(): Promise<void> {
    while (this.sending || this.pending.some((b) => !b.acked)) await this.drained;
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
    let state = this.view;
    const inverse: TOp[] = [];
    try {
      for (const op of ops) {
        inverse.unshift(invertOp(state, op));
        state = applyOp(state, op).state;
      }
    } catch (error) {
      if (error instanceof OpError) {
        this.onNotice({ kind: 'local', message: error.message });
        return null;
      }
      throw error;
    }
    const key = `${Date.now().toString(36)}-${(this.counter++).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    this.view = state;
    this.pending.push({ key, ops, intent, acked: false });
    if (!this.sending) this.drained = this.flush();
    return { key, ops: inverse, at: Date.now() };
  }

  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (;;) {
        const batch = this.pending.find((b) => !b.acked);
        if (!batch) break;
        const result = await this.sendWithRetry(batch);
        if (!this.pending.includes(batch)) continue;
        if (result.ok) {
          batch.acked = true;
          this.acknowledge(batch, result.seq);
        } else {
          this.dropRefused(batch.key);
          this.onNotice({
            kind: RETRYABLE.has(result.code) ? 'offline' : 'refused',
            message: result.message,
            ...(result.code === 'STALE_VERSION' && {
              conflict: this.conflictOf(batch, result.current),
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
  private async sendWithRetry(batch: Batch): Promise<SendResult> {
    for (let attempt = 0; ; attempt++) {
      let result: SendResult;
      try {
        result = await this.send(batch.ops, batch.key, batch.intent);
      } catch {
        result = {
          ok: false,
          code: 'OFFLINE',
          message: 'The server could not be reached, so your last change was undone.',
        };
      }
      if (result.ok || !RETRYABLE.has(result.code) || attempt >= this.retryDelays.length)
        return result;
      await new Promise((resolve) => setTimeout(resolve, this.retryDelays[attempt]));
    }
  }

  /** The server committed an own batch as `seq`: in place now if it is next, else when the stream brings what came before. */
  private acknowledge(batch: Batch, seq: number) {
    if (seq <= this.confirmedSeq) {
      // The stream delivered it first (or this copy was reset past it).
      this.pending = this.pending.filter((b) => b !== batch);
      return;
    }
    if (seq === this.confirmedSeq + 1) {
      const next = this.replay(this.confirmed, [batch.ops], true);
      if (next) {
        this.confirmed = next;
        this.confirmedSeq = seq;
        this.pending = this.pending.filter((b) => b !== batch);
        this.rebuildView();
      }
    }
  }

  private conflictOf(batch: Batch, current: unknown): TextConflict | undefined {
    const [op] = batch.ops;
    const theirs = current as NodeState | undefined;
    if (
      batch.ops.length !== 1 ||
      op?.type !== 'updateNode' ||
      op.text === undefined ||
      !theirs ||
      theirs.id !== op.id
    )
      return undefined;
    return { nodeId: op.id, mine: op.text, theirs };
  }

  /** Rebuilds the view without a refused batch, and forgets undo entries that would act on it. */
  private dropRefused(key: string) {
    const dropped = new Set([key]);
    this.pending = this.pending.filter((b) => b.key !== key);
    // A later unsent change that built on the refused one cannot stand either.
    let state = this.confirmed;
    const survivors: Batch[] = [];
    for (const batch of this.pending) {
      const next = this.replay(state, [batch.ops], true);
      if (next) {
        state = next;
        survivors.push(batch);
      } else if (batch.acked) {
        survivors.push(batch);
      } else {
        dropped.add(batch.key);
      }
    }
    this.pending = survivors;
    this.view = state;
    this.undoStack = this.undoStack.filter((h) => !dropped.has(h.key));
    this.redoStack = this.redoStack.filter((h) => !dropped.has(h.key));
  }

  /** The view: confirmed, with own batches not yet in place on top (any that no longer apply are left out until the server answers). */
  private rebuildView() {
    let state = this.confirmed;
    for (const batch of this.pending) state = this.replay(state, [batch.ops], true) ?? state;
    this.view = state;
  }

  private replay(state: GraphState, batches: TOp[][]): GraphState;
  private replay(state: GraphState, batches: TOp[][], lenient: true): GraphState | null;
  private replay(state: GraphState, batches: TOp[][], lenient = false): GraphState | null {
    let current = state;
    for (const ops of batches) {
      try {
        for (const op of ops) current = applyOp(current, op).state;
      } catch (error) {
        if (lenient && error instanceof OpError) return null;
        throw error;
      }
    }
    return current;
  }

  private takeSnapshot(): StoreSnapshot {
    return { view: this.view, saving: this.saving, canUndo: this.canUndo, canRedo: this.canRedo };
  }

  private emit() {
    this.snapshot = this.takeSnapshot();
    for (const listener of this.listeners) listener();
  }
}
