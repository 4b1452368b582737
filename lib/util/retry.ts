/**
 * Waiting and trying again: one exponential backoff for every loop that
 * reaches for something that may be away for a while (the server from the
 * browser, the database's LISTEN connection from the server).
 */

export type BackoffOptions = {
  /** The first wait. */
  firstMs: number;
  /** No wait is longer than this. */
  maxMs: number;
};

/** The first `count` waits of an exponential backoff: firstMs, 2×, 4×, … capped at maxMs. */
export function backoffDelays(count: number, { firstMs, maxMs }: BackoffOptions): number[] {
  return Array.from({ length: count }, (_, i) => Math.min(firstMs * 2 ** i, maxMs));
}

/**
 * The waits of a loop that runs until stopped (a reconnecting listener):
 * each failure doubles the next wait up to the cap; a success starts over.
 */
export class Backoff {
  private attempt = 0;
  constructor(private readonly options: BackoffOptions) {}

  /** The wait before the next attempt; each call lengthens the one after. */
  next(): number {
    const ms = Math.min(this.options.firstMs * 2 ** this.attempt, this.options.maxMs);
    if (ms < this.options.maxMs) this.attempt++;
    return ms;
  }

  /** After a success: the next failure waits the first delay again. */
  reset(): void {
    this.attempt = 0;
  }
}

export type RetryOptions<T> = {
  /** Waits before the 2nd, 3rd, … attempt; there are `delays.length + 1` attempts at most. */
  delays: readonly number[];
  /** Whether a result is worth another attempt (a 503, say). */
  retryIf: (result: T) => boolean;
  /** Turns a thrown error (offline) into a result, which `retryIf` then judges. */
  onThrow: (error: unknown) => T;
  /** Waits; tests pass one that does not. */
  sleep?: (ms: number) => Promise<void>;
};

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until its result needs no retry or the delays run out, and
 * returns the last result. The attempt number (from 0) is passed in.
 */
export async function retry<T>(
  attempt: (n: number) => Promise<T>,
  { delays, retryIf, onThrow, sleep = sleepFor }: RetryOptions<T>,
): Promise<T> {
  for (let n = 0; ; n++) {
    let result: T;
    try {
      result = await attempt(n);
    } catch (error) {
      result = onThrow(error);
    }
    if (n >= delays.length || !retryIf(result)) return result;
    await sleep(delays[n]!);
  }
}
