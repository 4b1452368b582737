import bcrypt from 'bcryptjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { DEMO_MAP_SLUG, DEMO_NODES, DEMO_SOURCES } from '@/prisma/seed/demo-map';
import { seedDemoAccounts, seedDemoMap } from '@/prisma/seed/seed';
import { testDb } from '../factories';
import { withScratchDatabase } from '../support/scratch-database';

afterAll(async () => {
  await testDb().$disconnect();
});

async function demoMap() {
  return testDb().argumentMap.findUniqueOrThrow({
    where: { slug: DEMO_MAP_SLUG },
    include: { sources: true, nodes: true, edges: true, teams: true },
  });
}

describe('the seeded demo debate', () => {
  it('is public, on its motion, with both articles and their attribution', async () => {
    const map = await demoMap();
    expect(map.isPublic).toBe(true);
    expect(map.motion).toBe('The CSTO failed Armenia');
    expect(map.sources.map((s) => s.author).sort()).toEqual([
      'Jason E. Strakes',
      'Mikhail Turchenko',
    ]);
    const turchenko = map.sources.find((s) => s.author === 'Mikhail Turchenko')!;
    expect(turchenko.url).toBe(DEMO_SOURCES.turchenko.url);
    expect(turchenko.publisher).toBe('The Moscow Times (opinion)');
    expect(turchenko.publishedOn?.toISOString().slice(0, 10)).toBe('2023-09-21');
  });

  it('anchors every claim to its exact quote, found at its offsets with its context', async () => {
    const map = await demoMap();
    const anchored = map.nodes.filter((n) => n.sourceId);
    for (const source of map.sources) {
      expect(
        anchored.filter((n) => n.sourceId === source.id).length,
        source.author,
      ).toBeGreaterThanOrEqual(12);
    }
    for (const node of anchored) {
      const text = map.sources.find((s) => s.id === node.sourceId)!.text;
      expect(text.slice(node.anchorStart!, node.anchorEnd!), node.text).toBe(node.anchorExact);
      expect(text.slice(0, node.anchorStart!).endsWith(node.anchorPrefix!)).toBe(true);
      expect(text.slice(node.anchorEnd!).startsWith(node.anchorSuffix!)).toBe(true);
    }
  });

  it('links the two authors with supports and attacks, and has the two teams', async () => {
    const map = await demoMap();
    const sourceOf = new Map(map.nodes.map((n) => [n.id, n.sourceId]));
    const cross = map.edges.filter(
      (e) =>
        sourceOf.get(e.fromId) &&
        sourceOf.get(e.toId) &&
        sourceOf.get(e.fromId) !== sourceOf.get(e.toId),
    );
    expect(new Set(cross.map((e) => e.relation))).toEqual(
      new Set(['SUPPORTS', 'ATTACKS', 'UNDERCUTS', 'REPHRASES']),
    );
    expect(map.teams.map((t) => t.name).sort()).toEqual(['Team Strakes', 'Team Turchenko']);
  });

  it('draws each node on its author’s side and dates it by its article; reported views are neutral', async () => {
    const map = await demoMap();
    const sources = new Map(map.sources.map((s) => [s.id, s]));
    expect(Object.fromEntries(map.sources.map((s) => [s.author, s.side]))).toEqual({
      'Mikhail Turchenko': 'FOR',
      'Jason E. Strakes': 'AGAINST',
    });
    expect(Object.fromEntries(map.teams.map((t) => [t.name, t.side]))).toEqual({
      'Team Turchenko': 'FOR',
      'Team Strakes': 'AGAINST',
    });
    for (const node of map.nodes) {
      const source = node.sourceId ? sources.get(node.sourceId) : undefined;
      if (!source) {
        expect(node.side, node.text).toBe('NEUTRAL');
        continue;
      }
      expect(source.publishedOn, node.text).not.toBeNull();
      const reported = /^[^:]+ \(as reported by Strakes\): /.test(node.text);
      expect(node.side, node.text).toBe(reported ? 'NEUTRAL' : source.side);
    }
    expect(map.nodes.filter((n) => n.text.includes('(as reported by'))).toHaveLength(
      DEMO_NODES.filter((n) => n.attributedTo).length,
    );
  });

  it('seeds once: a second run changes nothing', async () => {
    const before = await demoMap();
    const again = await seedDemoMap(testDb());
    expect(again).toEqual({ mapId: before.id, created: false });
    const after = await demoMap();
    expect(after.nodes).toHaveLength(before.nodes.length);
    expect(after.edges).toHaveLength(before.edges.length);
    expect(after.sources).toHaveLength(before.sources.length);
  });

  it('is created once when two processes seed an empty database at the same time', async () => {
    await withScratchDatabase(async (url) => {
      await migrate(url);
      const a = createPrismaClient(url, { max: 2 });
      const b = createPrismaClient(url, { max: 2 });
      try {
        const results = await Promise.all([seedDemoMap(a), seedDemoMap(b)]);
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(await a.argumentMap.count()).toBe(1);
      } finally {
        await a.$disconnect();
        await b.$disconnect();
      }
    });
  });
});

describe('demo accounts', () => {
  it('get fresh passwords at every start that sign in against their stored hashes', async () => {
    const map = await demoMap();
    const first = await seedDemoAccounts(testDb(), map.id);
    expect(first.map((a) => a.role)).toEqual(['teacher', 'student', 'student']);
    for (const account of first) {
      const user = await testDb().user.findUniqueOrThrow({ where: { email: account.email } });
      expect(await bcrypt.compare(account.password, user.passwordHash!)).toBe(true);
    }
    const second = await seedDemoAccounts(testDb(), map.id);
    const teacher = await testDb().user.findUniqueOrThrow({ where: { email: second[0]!.email } });
    expect(await bcrypt.compare(first[0]!.password, teacher.passwordHash!)).toBe(false);
    expect(await bcrypt.compare(second[0]!.password, teacher.passwordHash!)).toBe(true);
  });

  it('put the two students on different teams of the demo map', async () => {
    const map = await demoMap();
    const accounts = await seedDemoAccounts(testDb(), map.id);
    const teams = await Promise.all(
      accounts
        .filter((a) => a.role === 'student')
        .map((a) =>
          testDb().teamMember.findFirstOrThrow({
            where: { user: { email: a.email }, team: { mapId: map.id } },
            include: { team: true },
          }),
        ),
    );
    expect(new Set(teams.map((t) => t.team.name)).size).toBe(2);
  });
});
