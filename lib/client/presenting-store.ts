import { PRESENTING_STALE_MS, type PresentingState } from '../domain/presenting';

/**
 * Who presents this map and what they show, as the stream tells it. Keeps
 * the latest state of the presenting tab: a late update (a lower `n` from
 * the same tab) is dropped, this tab's own updates are not someone else
 * presenting, and a presenter not heard from in a while has left.
 */
export class PresentingStore {
  private state: PresentingState | null = null;
  private heardAt = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clientId: string) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The presentation this reader may follow, or null. */
  getState = (): PresentingState | null => this.state;

  /** One `presenting` event's data. */
  receive(data: string): void {
    let next: PresentingState;
    try {
      next = JSON.parse(data) as PresentingState;
    } catch {
      return;
    }
    if (next.clientId === this.clientId) return;
    const current = this.state;
    if (current && current.clientId === next.clientId && current.n >= next.n) return;
    if (!next.active) {
      // Only the presenting tab ends its own presentation.
      if (current && current.clientId !== next.clientId) return;
      this.set(null);
      return;
    }
    this.heardAt = Date.now();
    this.set(next);
  }

  /** Forgets a presenter not heard from for a while (their tab closed without a word). */
  prune(now = Date.now()): void {
    if (this.state && now - this.heardAt > PRESENTING_STALE_MS) this.set(null);
  }

  private set(state: PresentingState | null) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
