import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { anchorQuote } from '../../lib/domain/anchor';
import { estimateNodeHeight, layoutGraph, NODE_WIDTH } from '../../lib/domain/layout';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import {
  DEMO_EDGES,
  DEMO_MAP,
  DEMO_MAP_SLUG,
  DEMO_NODES,
  DEMO_SOURCES,
  DEMO_TEAMS,
  nodeSide,
  type DemoSourceKey,
} from './demo-map';

/** Held while seeding so that two processes starting at once seed once. */
const SEED_LOCK_KEY = 41_202_023;

export const DEMO_OWNER_ID = 'counterpoint-demo-owner';

export type DemoAccount = {
  email: string;
  name: string;
  role: 'teacher' | 'student';
  password: string;
};

export function readDemoSourceText(key: DemoSourceKey): string {
  return readFileSync(
    path.join(import.meta.dirname, 'sources', DEMO_SOURCES[key].file),
    'utf8',
  ).trimEnd();
}

/**
 * Seeds the demo debate once: if a map with the demo slug exists, nothing is
 * touched (it may have been edited since). Everything is written in one
 * transaction. Returns the demo map's id.
 */
export async function seedDemoMap(
  prisma: PrismaClient,
): Promise<{ mapId: string; created: boolean }> {
  const texts = {
    turchenko: readDemoSourceText('turchenko'),
    strakes: readDemoSourceText('strakes'),
  };
  const positions = await layoutGraph({
    nodes: DEMO_NODES.map((n) => ({
      id: n.key,
      width: NODE_WIDTH,
      height: estimateNodeHeight(n.text, !!n.source),
    })),
    edges: DEMO_EDGES.map(([from, , to], i) => ({ id: String(i), fromId: from, toId: to })),
  });

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      const existing = await tx.argumentMap.findUnique({
        where: { slug: DEMO_MAP_SLUG },
        select: { id: true },
      });
      if (existing) return { mapId: existing.id, created: false };

      await tx.user.upsert({
        where: { id: DEMO_OWNER_ID },
        update: {},
        create: { id: DEMO_OWNER_ID, name: 'Counterpoint', avatarColor: '#0f766e' },
      });
      const map = await tx.argumentMap.create({
        data: { slug: DEMO_MAP_SLUG, ...DEMO_MAP, ownerId: DEMO_OWNER_ID, isPublic: true },
      });
      await tx.mapMember.create({ data: { mapId: map.id, userId: DEMO_OWNER_ID, role: 'OWNER' } });
      await tx.team.createMany({ data: DEMO_TEAMS.map((t) => ({ ...t, mapId: map.id })) });

      const sourceIds = {} as Record<DemoSourceKey, string>;
      for (const key of Object.keys(DEMO_SOURCES) as DemoSourceKey[]) {
        const { file: _file, publishedOn, ...meta } = DEMO_SOURCES[key];
        const source = await tx.source.create({
          data: {
            ...meta,
            publishedOn: new Date(`${publishedOn}T00:00:00Z`),
            text: texts[key],
            mapId: map.id,
          },
        });
        sourceIds[key] = source.id;
      }

      // One insert for all nodes (ids chosen here, so the edges can name them).
      const nodeIds = new Map(DEMO_NODES.map((n) => [n.key, randomUUID()]));
      await tx.node.createMany({
        data: DEMO_NODES.map((node) => {
          const anchor =
            node.source && node.quote
              ? anchorQuote(sourceIds[node.source], texts[node.source], node.quote)
              : null;
          const position = positions.get(node.key) ?? { x: 0, y: 0 };
          return {
            id: nodeIds.get(node.key)!,
            mapId: map.id,
            kind: node.kind,
            text: node.text,
            side: nodeSide(node),
            x: position.x,
            y: position.y,
            createdById: DEMO_OWNER_ID,
            ...(anchor && {
              sourceId: anchor.sourceId,
              anchorExact: anchor.exact,
              anchorPrefix: anchor.prefix,
              anchorSuffix: anchor.suffix,
              anchorStart: anchor.start,
              anchorEnd: anchor.end,
            }),
          };
        }),
      });
      const idOf = (key: string) => {
        const id = nodeIds.get(key);
        if (!id) throw new Error(`demo edge names an unknown node: ${key}`);
        return id;
      };
      await tx.edge.createMany({
        data: DEMO_EDGES.map(([from, relation, to, group]) => ({
          mapId: map.id,
          fromId: idOf(from),
          toId: idOf(to),
          relation,
          groupId: group ?? null,
          createdById: DEMO_OWNER_ID,
        })),
      });
      return { mapId: map.id, created: true };
    },
    // A second process starting at the same moment waits for the first one's
    // seed (the advisory lock above) rather than giving up after Prisma's
    // default two seconds.
    { timeout: 30_000, maxWait: 30_000 },
  );
}

const DEMO_PEOPLE: Omit<DemoAccount, 'password'>[] = [
  { email: 'teacher@demo.counterpoint.local', name: 'Ms. Demo (teacher)', role: 'teacher' },
  { email: 'student1@demo.counterpoint.local', name: 'Ana (student)', role: 'student' },
  { email: 'student2@demo.counterpoint.local', name: 'Ben (student)', role: 'student' },
];

/**
 * Creates or refreshes the demo teacher and two students with new random
 * passwords, puts the students on the demo map's two teams, and returns the
 * passwords so the launcher can print them. Called only for the embedded
 * database or when COUNTERPOINT_DEMO_ACCOUNTS asks for it: these accounts
 * must never exist on a production database by accident.
 */
export async function seedDemoAccounts(
  prisma: PrismaClient,
  demoMapId: string,
): Promise<DemoAccount[]> {
  const accounts = DEMO_PEOPLE.map((p) => ({
    ...p,
    password: randomBytes(9).toString('base64url'),
  }));
  const hashes = await Promise.all(accounts.map((a) => bcrypt.hash(a.password, 10)));
  await prisma.$transaction(async (tx) => {
    const teams = await tx.team.findMany({ where: { mapId: demoMapId }, orderBy: { name: 'asc' } });
    for (const [i, account] of accounts.entries()) {
      const user = await tx.user.upsert({
        where: { email: account.email },
        update: { passwordHash: hashes[i] },
        create: { email: account.email, name: account.name, passwordHash: hashes[i] },
      });
      // The teacher runs the demo class: a co-owner (teams, share links, practice rounds).
      const role = account.role === 'teacher' ? 'OWNER' : 'COMMENTER';
      await tx.mapMember.upsert({
        where: { mapId_userId: { mapId: demoMapId, userId: user.id } },
        update: { role },
        create: { mapId: demoMapId, userId: user.id, role },
      });
      const team = account.role === 'student' ? teams[(i - 1) % teams.length] : undefined;
      if (team) {
        await tx.teamMember.upsert({
          where: { teamId_userId: { teamId: team.id, userId: user.id } },
          update: {},
          create: { teamId: team.id, userId: user.id },
        });
      }
    }
  });
  return accounts;
}
