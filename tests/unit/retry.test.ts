import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelays, retry } from '@/lib/util/retry';

const noWait = async () => {};

describe('retry', () => {
  it('tries again while the result asks for it, then returns the first good one', async () => {
    const answers = [503, 503, 200];
    const waits: number[] = [];
    const result = await retry(async (n) => answers[n]!, {
      delays: [10, 20, 40],
      retryIf: (status) => status === 503,
      onThrow: () => 0,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(result).toBe(200);
    expect(waits).toEqual([10, 20]);
  });

  it('gives up after the last delay and returns the last result', async () => {
    let calls = 0;
    const result = await retry(async () => (calls++, 503), {
      delays: [1, 1],
      retryIf: (status) => status === 503,
      onThrow: () => 0,
      sleep: noWait,
    });
    expect(result).toBe(503);
    expect(calls).toBe(3);
  });

  it('turns a thrown error into a result that can itself be retried', async () => {
    const seen: string[] = [];
    const result = await retry(
      async (n) => {
        if (n === 0) throw new Error('offline');
        return 'ok';
      },
      {
        delays: [1, 1],
        retryIf: (r) => (seen.push(r), r === 'offline'),
        onThrow: (e) => (e as Error).message,
        sleep: noWait,
      },
    );
    expect(seen).toEqual(['offline', 'ok']);
    expect(result).toBe('ok');
  });

  it('does not retry a result that needs none', async () => {
    let calls = 0;
    await retry(async () => (calls++, 400), {
      delays: [1, 1, 1],
      retryIf: (status) => status === 503,
      onThrow: () => 0,
      sleep: noWait,
    });
    expect(calls).toBe(1);
  });
});

describe('backoff', () => {
  it('doubles from the first wait up to the cap', () => {
    expect(backoffDelays(6, { firstMs: 500, maxMs: 8000 })).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
  });

  it('starts over after a success', () => {
    const backoff = new Backoff({ firstMs: 500, maxMs: 10_000 });
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([500, 1000, 2000]);
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });

  it('stays at the cap however long the outage', () => {
    const backoff = new Backoff({ firstMs: 500, maxMs: 10_000 });
    const waits = Array.from({ length: 40 }, () => backoff.next());
    expect(waits.at(-1)).toBe(10_000);
    expect(Math.max(...waits)).toBe(10_000);
  });
});
