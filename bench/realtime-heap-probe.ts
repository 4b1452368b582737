/**
 * Preloaded into the benchmark's app servers (NODE_OPTIONS="--expose-gc
 * --import bench/realtime-heap-probe.ts"; never into a real deployment):
 * on SIGUSR2 the process collects its garbage and writes
 * process.memoryUsage() to BENCH_PROBE_DIR/<pid>.json, so the idle-reader
 * scenario can read the server's heap, not only its RSS, from outside.
 * Plain erasable TypeScript: Node strips the types itself.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.BENCH_PROBE_DIR;
if (dir) {
  process.on('SIGUSR2', () => {
    (globalThis as { gc?: () => void }).gc?.();
    const file = path.join(dir, `${process.pid}.json`);
    // Written aside and renamed, so the reader never sees half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
    renameSync(`${file}.tmp`, file);
  });
}
