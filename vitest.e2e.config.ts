import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:e2e`: the built app (`npm run build` first) started by the
 * real launcher on the embedded database, driven over HTTP and in Debian's
 * Chromium through playwright-core.
 */
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/start-app.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // A browser waits on the server and on other browsers' streams: polls get
    // 10 s, not vitest's default 1 s (a first request to a route is slower).
    expect: { poll: { timeout: 10_000 } },
  },
});
