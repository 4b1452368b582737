// Lint: Next's core-web-vitals and TypeScript rules, React's hooks rules, and
// the layer boundaries of docs/ARCHITECTURE.md, enforced by
// eslint-plugin-boundaries on resolved paths (aliases and relative imports
// alike, type-only imports included).
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier/flat';

const layer = (type) => ({ to: { element: { type } } });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'lib/generated/**',
    '.data/**',
    'tmp/**',
    'next-env.d.ts',
  ]),
  {
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
      'boundaries/elements': [
        { type: 'domain', pattern: 'lib/domain/**', partialMatch: false },
        { type: 'server', pattern: 'lib/server/**', partialMatch: false },
        { type: 'client', pattern: 'lib/client/**', partialMatch: false },
        { type: 'db', pattern: 'lib/db/**', partialMatch: false },
        { type: 'generated', pattern: 'lib/generated/**', partialMatch: false },
        { type: 'util', pattern: 'lib/util/**', partialMatch: false },
        { type: 'components', pattern: 'components/**', partialMatch: false },
        { type: 'app', pattern: 'app/**', partialMatch: false },
        { type: 'seed', pattern: 'prisma/seed/**', partialMatch: false },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              // The domain is plain TypeScript: it runs in the browser, on the
              // server and in unit tests alike.
              from: { element: { type: 'domain' } },
              message:
                'lib/domain is plain TypeScript: it imports only lib/domain and lib/util (docs/ARCHITECTURE.md, Layers).',
              disallow: [
                layer('server'),
                layer('client'),
                layer('db'),
                layer('generated'),
                layer('components'),
                layer('app'),
                layer('seed'),
              ],
            },
            {
              // Small framework-free helpers (retry, dates): they stand on nothing.
              from: { element: { type: 'util' } },
              message: 'lib/util stands on nothing local (docs/ARCHITECTURE.md, Layers).',
              disallow: [
                layer('domain'),
                layer('server'),
                layer('client'),
                layer('db'),
                layer('generated'),
                layer('components'),
                layer('app'),
                layer('seed'),
              ],
            },
            // Browser code never reaches server modules, not even for a type:
            // shared types live in lib/domain.
            ...['components', 'client'].map((type) => ({
              from: { element: { type } },
              message: `${type} must not import server code, not even a type: move what both sides need to lib/domain (docs/ARCHITECTURE.md, Layers).`,
              disallow: [layer('server'), layer('db'), layer('generated'), layer('seed')],
            })),
            {
              // The seed is for the launcher and tests; the app copies the
              // demo from the database.
              from: { element: { type: 'server' } },
              message:
                'lib/server never imports the seed: shared values live in lib/domain (docs/ARCHITECTURE.md, Layers).',
              disallow: [layer('seed')],
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      // A leading underscore marks a value left out on purpose (a rest sibling,
      // a callback's unused parameter).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Outside React, `use…` names are test fixtures and helpers, not hooks.
    files: [
      'tests/e2e/**',
      'tests/integration/**',
      'tests/support/**',
      'tests/unit/**',
      'bench/**',
      'scripts/**',
    ],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Framework-free layers: the same code runs in the browser, on the server
    // and in unit tests.
    files: ['lib/domain/**', 'lib/util/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                'next',
                'next/*',
                'next-auth',
                'next-auth/*',
              ],
              message: 'lib/domain and lib/util are framework-free.',
            },
            {
              group: ['@xyflow/*', '@prisma/*', 'pg', 'server-only'],
              message: 'lib/domain and lib/util are framework-free.',
            },
            {
              group: ['@/lib/env', '**/lib/env', '../env'],
              message: 'Configuration is read by lib/server and lib/db.',
            },
          ],
        },
      ],
    },
  },
]);
