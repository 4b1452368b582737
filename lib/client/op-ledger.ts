import type { Intent } from '../domain/history';
import { applyOp, invertOp, OpError, type GraphState, type TOp } from '../domain/ops';

/** A batch committed by anyone, as the stream delivers it: who sent it (null for a share-link editor) and under which key. */
export type RemoteBatch = { seq: number; actorId: string | null; key: string | null; ops: TOp[] };

/**
 * One of this tab's own batches: sent under `key`; `acked` once the server
 * committed it, as `seq`.
 */
export type Batch = { key: string; ops: TOp[]; intent: Intent; acked: boolean; seq?: number };

/** `ops` applied to `state`, or null when one of them no longer applies. */
function applyBatch(state: GraphState, ops: TOp[]): GraphState | null {
  let current = state;
  try {
    for (const op of ops) current = applyOp(current, op).state;
  } catch (error) {
    if (error instanceof OpError) return null;
    throw error;
  }
  return current;
}

/**
 * A map's graph as one tab knows it. `confirmed` is the map as of `seq`,
 * built only from batches in sequence order (the server's answers and the
 * live stream); `pending` are this tab's own batches the stream has not yet
 * shown in place. The view is confirmed + pending.
 */
export class OpLedger {
  private confirmed: GraphState;
  private confirmedSeq: number;
  private pending: Batch[] = [];
  private current: GraphState;
  private counter = 0;

  /**
   * `actorId` is who the log records as the author of this tab's batches
   * (the signed-in user; null for a share-link editor).
   */
  constructor(
    initial: GraphState,
    seq: number,
    private readonly actorId: string | null = null,
  ) {
    this.confirmed = initial;
    this.current = initial;
    this.confirmedSeq = seq;
  }

  /** The map as this tab shows it. */
  get view(): GraphState {
    return this.current;
  }

  /** The sequence number of the last batch in place. */
  get seq(): number {
    return this.confirmedSeq;
  }

  /** True while own batches have not been acknowledged by the server. */
  get unacknowledged(): boolean {
    return this.pending.some((b) => !b.acked);
  }

  /** The next own batch to send, in the order they were made. */
  nextToSend(): Batch | undefined {
    return this.pending.find((b) => !b.acked);
  }

  /** False once a batch is in place (the stream showed it first) or forgotten (a reset). */
  isPending(batch: Batch): boolean {
    return this.pending.includes(batch);
  }

  /**
   * Applies own ops to the view and queues them under a fresh idempotency
   * key. Returns that key and the ops that undo them; throws OpError when
   * they cannot apply (the view is then unchanged).
   */
  add(ops: TOp[], intent: Intent): { key: string; inverse: TOp[] } {
    let state = this.current;
    const inverse: TOp[] = [];
    for (const op of ops) {
      inverse.unshift(invertOp(state, op));
      state = applyOp(state, op).state;
    }
    const key = `${Date.now().toString(36)}-${(this.counter++).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    this.current = state;
    this.pending.push({ key, ops, intent, acked: false });
    return { key, inverse };
  }

  /**
   * A batch from the live stream. One already in place is ignored (the
   * stream and the server's answer both report own batches); a gap, or a
   * batch that does not apply, means this copy is out of step.
   */
  receive(batch: RemoteBatch): 'applied' | 'ignored' | 'out-of-step' {
    if (batch.seq <= this.confirmedSeq) return 'ignored';
    if (batch.seq > this.confirmedSeq + 1) return 'out-of-step';
    const next = applyBatch(this.confirmed, batch.ops);
    if (!next) return 'out-of-step';
    this.confirmed = next;
    this.confirmedSeq = batch.seq;
    this.pending = this.pending.filter((b) => !this.isOwnEcho(b, batch));
    this.rebuildView();
    return 'applied';
  }

  /**
   * Whether a streamed batch is this tab's own `pending` one coming back.
   * Keys are chosen by each client, so two people's clients can pick the
   * same one: the server keeps keys per actor, and so does this match (and
   * a batch the server already numbered matches only at that number).
   */
  private isOwnEcho(pending: Batch, batch: RemoteBatch): boolean {
    return (
      batch.key !== null &&
      pending.key === batch.key &&
      batch.actorId === this.actorId &&
      (pending.seq === undefined || pending.seq === batch.seq)
    );
  }

  /** Sequence numbers the stream passed over (batches private to other teams). */
  skipTo(seq: number): void {
    if (seq > this.confirmedSeq) this.confirmedSeq = seq;
  }

  /**
   * A source was removed (seq `seq`, a batch of kind 'source'): deleted
   * nodes that quoted it lose their quote and card marks, as the server's
   * rows did (lib/server/sources/remove-source.ts), so that Undo brings
   * one back here as the server does. No live node quotes it: the server
   * refuses the removal otherwise.
   */
  forgetSource(sourceId: string, seq: number): void {
    this.skipTo(seq);
    const quoting = [...this.confirmed.nodes.values()].filter(
      (n) => n.deleted && n.anchor?.sourceId === sourceId,
    );
    if (quoting.length === 0) return;
    const nodes = new Map(this.confirmed.nodes);
    for (const n of quoting) nodes.set(n.id, { ...n, anchor: null, card: null });
    this.confirmed = { ...this.confirmed, nodes };
    this.rebuildView();
  }

  /**
   * Starts again from a fresh snapshot. Own batches the server has
   * acknowledged are in it; the others are replayed on top.
   */
  reset(state: GraphState, seq: number): void {
    this.confirmed = state;
    this.confirmedSeq = seq;
    this.pending = this.pending.filter((b) => !b.acked);
    this.rebuildView();
  }

  /** The server committed an own batch as `seq`: in place now if it is next, else when the stream brings what came before. */
  acknowledge(batch: Batch, seq: number): void {
    batch.acked = true;
    batch.seq = seq;
    if (seq <= this.confirmedSeq) {
      // The stream delivered it first (or this copy was reset past it).
      this.pending = this.pending.filter((b) => b !== batch);
      return;
    }
    if (seq === this.confirmedSeq + 1) {
      const next = applyBatch(this.confirmed, batch.ops);
      if (next) {
        this.confirmed = next;
        this.confirmedSeq = seq;
        this.pending = this.pending.filter((b) => b !== batch);
        this.rebuildView();
      }
    }
  }

  /**
   * Rebuilds the view without a refused batch. A later unsent batch that
   * built on it cannot stand either; returns the keys of every batch dropped.
   */
  dropRefused(key: string): Set<string> {
    const dropped = new Set([key]);
    this.pending = this.pending.filter((b) => b.key !== key);
    let state = this.confirmed;
    const survivors: Batch[] = [];
    for (const batch of this.pending) {
      const next = applyBatch(state, batch.ops);
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
    this.current = state;
    return dropped;
  }

  /** The view: confirmed, with own batches not yet in place on top (any that no longer apply are left out until the server answers). */
  private rebuildView() {
    let state = this.confirmed;
    for (const batch of this.pending) state = applyBatch(state, batch.ops) ?? state;
    this.current = state;
  }
}
