import { inject } from 'vitest';

// lib/server/db reads DATABASE_URL on first use.
process.env.DATABASE_URL = inject('databaseUrl');
