/** Latency summaries and the tables the real-time benchmark prints. */

export type Summary = { n: number; p50: number; p95: number; p99: number; max: number };

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

export function summarise(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

export const ms = (v: number | null | undefined) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : `${v.toFixed(1)} ms`;

/** A plain-text table with a title, columns padded to their widest cell. */
export function printTable(title: string, head: string[], rows: (string | number)[][]) {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

export const sleep = (millis: number) => new Promise<void>((r) => setTimeout(r, millis));

/** Rejects with a clear message when `promise` takes longer than `millis`. */
export async function within<T>(millis: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${what} took longer than ${millis} ms`)),
          millis,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Counts what each reader missed, saw twice or saw out of order, and pools
 * the latencies from each edit's send time to its arrival at every reader.
 */
export function deliveries(
  sentAt: Map<number | string, number>,
  readers: { arrivals: Map<number | string, number>; duplicates: number; outOfOrder: number }[],
) {
  const latencies: number[] = [];
  let missing = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  for (const r of readers) {
    for (const [key, sent] of sentAt) {
      const at = r.arrivals.get(key);
      if (at === undefined) missing++;
      else latencies.push(at - sent);
    }
    duplicates += r.duplicates;
    outOfOrder += r.outOfOrder;
  }
  return { latency: summarise(latencies), missing, duplicates, outOfOrder };
}
export type Deliveries = ReturnType<typeof deliveries>;
