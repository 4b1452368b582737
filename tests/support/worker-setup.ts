import { inject } from 'vitest';

// lib/server/db reads DATABASE_URL on first use.
process.env.DATABASE_URL = inject('databaseUrl');
// On PGlite the app uses one connection (see lib/server/db.ts), and so do the tests.
if (inject('databaseKind') === 'pglite') process.env.COUNTERPOINT_DB_MODE = 'embedded';
