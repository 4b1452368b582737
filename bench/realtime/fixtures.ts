/**
 * The benchmark's database: a fresh one on the PostgreSQL server, migrated,
 * with one editor and public maps of claim cards written straight into it
 * (not through the app), then ANALYZEd (autovacuum is off on these machines,
 * and plans need statistics).
 */
import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { migrate } from '../../lib/db/migrate';

export const EDITOR = { email: 'rt@example.test', password: 'benchmark passphrase' };

export type BenchMap = { id: string; nodeIds: string[] };

export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return url.toString();
}

export async function dropDatabase(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** The editor, owner of every bench map. */
export async function createEditor(db: pg.Client): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'Bench', $3, now())`,
    [id, EDITOR.email, await bcrypt.hash(EDITOR.password, 10)],
  );
  return id;
}

/**
 * A public map of `nodes` claim cards in a grid, each but the first
 * supporting the one before it by a tree edge (so the op route's load of
 * every node and edge has the work a real map gives it).
 */
export async function createMap(
  db: pg.Client,
  ownerId: string,
  title: string,
  nodes: number,
): Promise<BenchMap> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO "ArgumentMap" (id, title, motion, "ownerId", "isPublic", "updatedAt")
     VALUES ($1, $2, 'Fast enough?', $3, true, now())`,
    [id, title, ownerId],
  );
  await db.query(
    `INSERT INTO "MapMember" (id, "mapId", "userId", role) VALUES ($1, $2, $3, 'OWNER')`,
    [randomUUID(), id, ownerId],
  );
  await db.query(
    `INSERT INTO "Node" (id, "mapId", kind, text, x, y, "createdById", "updatedAt")
     SELECT $1 || '-n' || i, $1, 'CLAIM'::"NodeKind", 'Claim ' || i, (i % 70) * 300, (i / 70) * 170, $2, now()
     FROM generate_series(0, $3::int - 1) AS i`,
    [id, ownerId, nodes],
  );
  await db.query(
    `INSERT INTO "Edge" (id, "mapId", "fromId", "toId", relation, "createdById", "updatedAt")
     SELECT $1 || '-e' || i, $1, $1 || '-n' || i, $1 || '-n' || ((i - 1) / 2), 'SUPPORTS'::"Relation", $2, now()
     FROM generate_series(1, $3::int - 1) AS i`,
    [id, ownerId, nodes],
  );
  return { id, nodeIds: Array.from({ length: nodes }, (_, i) => `${id}-n${i}`) };
}
