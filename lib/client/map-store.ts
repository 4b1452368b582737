import type { HistoryEntry, Intent } from '../domain/history';
import { applyOp, invertOp, OpError, type GraphState, type TOp } from '../domain/ops';

/**
 * The browser's copy of a map's graph, edited optimistically.
 *
 * `confirmed` is what the server has acknowledged; `pending` are batches sent
 * (or waiting to be sent, one at a time and in order); the view is confirmed
 * + pending. When the server refuses a batch, it is dropped, the view is
 * rebuilt from what remains, and the reason is reported: a change is never
 * lost silently. Undo and redo perform inverse ops, so they travel to the
 * server like any edit and are checked like any edit.
 */

export type SendResult =
  | { ok: true; seq: number }
  | { ok: false; code: string; message: string };

export type Send = (ops: TOp[], idempotencyKey: string, intent: Intent) => Promise<SendResult>;

type Batch = { key: string; ops: TOp[]; intent: Intent };
type History = HistoryEntry;

export type StoreNotice = { kind: 'refused' | 'offline' | 'local'; message: string };

/** What the UI renders from; a new object after every change, for useSyncExternalStore. */
export type StoreSnapshot = { view: GraphState; saving: boolean; canUndo: boolean; canRedo: boolean };

export class MapStore {
  private confirmed: GraphState;
  private pending: Batch[] = [];
  private view: GraphState;
  private undoStack: History[] = [];
  private redoStack: History[] = [];
  private sending = false;
  /** The running send loop, for `settled`. */
  private drained: Promise<void> = Promise.resolve();
  private listeners = new Set<() => void>();
  private counter = 0;
  private snapshot: StoreSnapshot;

  constructor(
    initial: GraphState,
    private readonly send: Send,
    private readonly onNotice: (notice: StoreNotice) => void = () => {},
    /** The user's undo and redo stacks as the server rebuilt them from the op log (undo after reload). */
    history: { undo: HistoryEntry[]; redo: HistoryEntry[] } = { undo: [], redo: [] },
  ) {
    this.undoStack = [...history.undo];
    this.redoStack = [...history.redo];
    this.confirmed = initial;
    this.view = initial;
    this.snapshot = this.takeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): GraphState => this.view;

  getSnapshot = (): StoreSnapshot => this.snapshot;

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** True while changes are on their way to the server. */
  get saving(): boolean {
    return this.pending.length > 0;
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

  /** Resolves when every pending batch has been answered. */
  async settled(): Promise<void> {
    while (this.sending || this.pending.length > 0) await this.drained;
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
    this.pending.push({ key, ops, intent });
    if (!this.sending) this.drained = this.flush();
    return { key, ops: inverse };
  }

  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending[0]!;
        let result: SendResult;
        try {
          result = await this.send(batch.ops, batch.key, batch.intent);
        } catch {
          result = { ok: false, code: 'OFFLINE', message: 'The server could not be reached, so your last change was undone.' };
        }
        this.pending.shift();
        if (result.ok) {
          this.confirmed = this.replay(this.confirmed, [batch]);
        } else {
          this.dropRefused(batch.key);
          this.onNotice({ kind: result.code === 'OFFLINE' ? 'offline' : 'refused', message: result.message });
        }
        this.emit();
      }
    } finally {
      this.sending = false;
    }
  }

  /** Rebuilds the view without a refused batch, and forgets undo entries that would act on it. */
  private dropRefused(key: string) {
    const dropped = new Set([key]);
    const survivors: Batch[] = [];
    let state = this.confirmed;
    for (const batch of this.pending) {
      // A later change that built on the refused one cannot stand either.
      const next = this.replay(state, [batch], true);
      if (next) {
        state = next;
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

  private replay(state: GraphState, batches: Batch[]): GraphState;
  private replay(state: GraphState, batches: Batch[], lenient: true): GraphState | null;
  private replay(state: GraphState, batches: Batch[], lenient = false): GraphState | null {
    let current = state;
    for (const batch of batches) {
      try {
        for (const op of batch.ops) current = applyOp(current, op).state;
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
