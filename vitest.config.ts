import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * `npm test`: unit tests (pure domain code) and integration tests against a
 * real database — PostgreSQL when DATABASE_URL is set (a fresh database per
 * run), the embedded PGlite otherwise. Browser tests: vitest.e2e.config.ts.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Server modules import 'server-only' to keep them out of client bundles;
      // outside Next it has nothing to guard.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
    },
  },
  test: {
    // Component tests run in happy-dom: each file says so in its first line
    // (`// @vitest-environment happy-dom`).
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/components/**/*.test.tsx',
    ],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/worker-setup.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // next-auth imports 'next/server' without an extension, which Node's ESM
    // loader refuses; transformed by vite, it resolves as it does under Next.
    server: { deps: { inline: ['next-auth', '@auth/core'] } },
    // PGlite serves one session: test files take turns on it (lib/server/db.ts).
    fileParallelism: Boolean(process.env.DATABASE_URL),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
