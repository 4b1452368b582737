import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import type { NodeKind, Relation } from '@/lib/domain/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';

let client: PrismaClient | null = null;

/**
 * A Prisma client on the run's test database. On PGlite it is the app's own
 * single-connection client: a second pool would interleave with it
 * (lib/server/db.ts).
 */
export function testDb(): PrismaClient {
  client ??=
    inject('databaseKind') === 'pglite'
      ? db()
      : createPrismaClient(inject('databaseUrl'), { max: 4 });
  return client;
}

const unique = () => randomBytes(5).toString('hex');

export async function createUser(overrides: { name?: string; email?: string } = {}) {
  const id = unique();
  return testDb().user.create({
    data: {
      name: overrides.name ?? `User ${id}`,
      email: overrides.email ?? `user-${id}@example.test`,
    },
  });
}

export async function createMap(
  options: { ownerId?: string; isPublic?: boolean; title?: string } = {},
) {
  const ownerId = options.ownerId ?? (await createUser()).id;
  const map = await testDb().argumentMap.create({
    data: {
      title: options.title ?? `Map ${unique()}`,
      motion: 'This house would test its code',
      ownerId,
      isPublic: options.isPublic ?? false,
    },
  });
  await testDb().mapMember.create({ data: { mapId: map.id, userId: ownerId, role: 'OWNER' } });
  return map;
}

export async function createNode(
  mapId: string,
  options: { kind?: NodeKind; text?: string; deleted?: boolean } = {},
) {
  return testDb().node.create({
    data: {
      mapId,
      kind: options.kind ?? 'CLAIM',
      text: options.text ?? `Claim ${unique()}`,
      deletedAt: options.deleted ? new Date() : null,
    },
  });
}

export async function createEdge(
  mapId: string,
  fromId: string,
  toId: string,
  relation: Relation = 'SUPPORTS',
) {
  return testDb().edge.create({ data: { mapId, fromId, toId, relation } });
}

export async function addMember(mapId: string, role: 'OWNER' | 'EDITOR' | 'COMMENTER' | 'VIEWER') {
  const user = await createUser();
  await testDb().mapMember.create({ data: { mapId, userId: user.id, role } });
  return { kind: 'user' as const, userId: user.id };
}

/** A source on the map; `fields` sets any other column (citation fields, format, pages). */
export async function createSource(
  mapId: string,
  text: string,
  fields: Partial<Omit<Prisma.SourceUncheckedCreateInput, 'mapId' | 'text'>> = {},
) {
  return testDb().source.create({
    data: { mapId, title: 'A source', author: 'A. Author', ...fields, text },
  });
}

/**
 * Appends `count` empty graph batches to a map's op log and moves its
 * `lastSeq` past them, as the op writer leaves a map: a long log in one
 * statement, for tests of what happens far behind.
 */
export async function appendEmptyBatches(mapId: string, count: number) {
  const { lastSeq } = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
  await testDb().mapOp.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      mapId,
      seq: lastSeq + i + 1,
      op: { ops: [], inverse: [], intent: 'do' },
    })),
  });
  await testDb().argumentMap.update({ where: { id: mapId }, data: { lastSeq: lastSeq + count } });
}
