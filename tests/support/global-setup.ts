import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPrismaClient } from '../../lib/db/client';
import { startEmbeddedDatabase } from '../../lib/db/embedded';
import { migrate } from '../../lib/db/migrate';
import { seedDemoMap } from '../../prisma/seed/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: 'postgres' | 'pglite';
  }
}

/**
 * One database for the run, migrated and seeded: a fresh database on the
 * PostgreSQL server named by DATABASE_URL (dropped afterwards), or an
 * in-memory PGlite behind its socket server.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  let url: string;
  let teardown: () => Promise<void>;
  if (serverUrl) {
    const name = `counterpoint_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    url = withDatabase(serverUrl, name);
    teardown = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const embedded = await startEmbeddedDatabase({ dataDir: null });
    url = embedded.url;
    teardown = embedded.stop;
  }
  try {
    await migrate(url);
    const prisma = createPrismaClient(url, { max: 2 });
    try {
      await seedDemoMap(prisma);
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('databaseUrl', url);
  project.provide('databaseKind', serverUrl ? 'postgres' : 'pglite');
  return teardown;
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
