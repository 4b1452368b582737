import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/server/errors';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { createMap } from '@/lib/server/maps/create-map';
import { DEMO_MAP_SLUG } from '@/prisma/seed/demo-map';
import { createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

describe('creating a map', () => {
  it('makes the signed-in user the owner of a blank map they can edit', async () => {
    const teacher = await createUser();
    const actor = { kind: 'user' as const, userId: teacher.id };
    const { id } = await createMap(actor, {
      title: 'Uniforms',
      motion: 'This house would ban school uniforms',
      template: 'blank',
    });
    const map = await testDb().argumentMap.findUniqueOrThrow({
      where: { id },
      include: { members: true, nodes: true },
    });
    expect(map).toMatchObject({ ownerId: teacher.id, isPublic: false, title: 'Uniforms' });
    expect(map.members).toMatchObject([{ userId: teacher.id, role: 'OWNER' }]);
    expect(map.nodes).toHaveLength(0);
    const result = await applyMapOps(
      actor,
      id,
      ZApplyOpsInput.parse({
        ops: [
          {
            type: 'createNode',
            id: randomUUID(),
            kind: 'CLAIM',
            text: 'Uniforms reduce bullying',
            x: 0,
            y: 0,
          },
        ],
      }),
    );
    expect(result.seq).toBe(1);
  });

  it('copies the demo debate under new ids, with every anchor pointing into the copied sources', async () => {
    const teacher = await createUser();
    const demo = await testDb().argumentMap.findUniqueOrThrow({
      where: { slug: DEMO_MAP_SLUG },
      include: {
        nodes: { where: { deletedAt: null } },
        edges: { where: { deletedAt: null } },
        sources: true,
        teams: true,
      },
    });
    const { id } = await createMap(
      { kind: 'user', userId: teacher.id },
      { title: 'Our CSTO debate', motion: demo.motion, template: 'demo' },
    );
    const copy = await testDb().argumentMap.findUniqueOrThrow({
      where: { id },
      include: { nodes: true, edges: true, sources: true, teams: true },
    });
    expect(copy.nodes).toHaveLength(demo.nodes.length);
    expect(copy.edges).toHaveLength(
      demo.edges.filter(
        (e) => demo.nodes.some((n) => n.id === e.fromId) && demo.nodes.some((n) => n.id === e.toId),
      ).length,
    );
    expect(copy.sources.map((s) => s.author).sort()).toEqual(
      demo.sources.map((s) => s.author).sort(),
    );
    expect(copy.teams.map((t) => t.name).sort()).toEqual(['Team Strakes', 'Team Turchenko']);
    const demoIds = new Set([...demo.nodes.map((n) => n.id), ...demo.sources.map((s) => s.id)]);
    for (const node of copy.nodes) {
      expect(demoIds.has(node.id)).toBe(false);
      if (!node.sourceId) continue;
      const source = copy.sources.find((s) => s.id === node.sourceId);
      expect(source, 'anchor points into the copy').toBeDefined();
      expect(source!.text.slice(node.anchorStart!, node.anchorEnd!)).toBe(node.anchorExact);
    }
    const ids = new Set(copy.nodes.map((n) => n.id));
    for (const edge of copy.edges) expect(ids.has(edge.fromId) && ids.has(edge.toId)).toBe(true);
    // The linked arguments stay linked: as many groups, each joining as many premises.
    const groupSizes = (edges: { groupId: string | null }[]) => {
      const sizes = new Map<string, number>();
      for (const e of edges) if (e.groupId) sizes.set(e.groupId, (sizes.get(e.groupId) ?? 0) + 1);
      return [...sizes.values()].sort();
    };
    expect(groupSizes(copy.edges)).toEqual(groupSizes(demo.edges));
    expect(groupSizes(copy.edges).length).toBeGreaterThanOrEqual(1);
  });

  it('asks a visitor to sign in, and creates nothing', async () => {
    const before = await testDb().argumentMap.count();
    await expect(
      createMap({ kind: 'anonymous' }, { title: 'x', motion: 'y', template: 'blank' }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(
      createMap({ kind: 'anonymous' }, { title: 'x', motion: 'y', template: 'blank' }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await testDb().argumentMap.count()).toBe(before);
  });
});
