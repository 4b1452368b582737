import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/server/errors';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { listVisibleMaps } from '@/lib/server/maps/list-visible-maps';
import { DEMO_MAP_SLUG } from '@/prisma/seed/demo-map';
import { addMember, createEdge, createMap, createNode, testDb } from '../factories';

const anonymous = { kind: 'anonymous' } as const;

afterAll(async () => {
  await testDb().$disconnect();
});

describe('reading a map', () => {
  it('gives anyone the demo map with its nodes, edges, anchors and sources', async () => {
    const demo = await testDb().argumentMap.findUniqueOrThrow({ where: { slug: DEMO_MAP_SLUG } });
    const snapshot = await getMapSnapshot(anonymous, demo.id);
    expect(snapshot.nodes.length).toBeGreaterThanOrEqual(25);
    expect(snapshot.sources).toHaveLength(2);
    const ids = new Set(snapshot.nodes.map((n) => n.id));
    for (const e of snapshot.edges) {
      expect(ids.has(e.fromId)).toBe(true);
      expect(ids.has(e.toId)).toBe(true);
    }
    const anchored = snapshot.nodes.filter((n) => n.anchor);
    for (const n of anchored) {
      const source = snapshot.sources.find((s) => s.id === n.anchor!.sourceId)!;
      expect(source.text.slice(n.anchor!.start, n.anchor!.end)).toBe(n.anchor!.exact);
    }
  });

  it('leaves out deleted nodes and the edges that touch them', async () => {
    const map = await createMap({ isPublic: true });
    const a = await createNode(map.id);
    const b = await createNode(map.id);
    const gone = await createNode(map.id, { deleted: true });
    const kept = await createEdge(map.id, a.id, b.id);
    await createEdge(map.id, gone.id, b.id, 'ATTACKS');
    const snapshot = await getMapSnapshot(anonymous, map.id);
    expect(snapshot.nodes.map((n) => n.id).sort()).toEqual([a.id, b.id].sort());
    expect(snapshot.edges.map((e) => e.id)).toEqual([kept.id]);
  });

  it('answers NOT_FOUND for a private map to someone without access, as for a map that does not exist', async () => {
    const map = await createMap({ isPublic: false });
    for (const id of [map.id, 'no-such-map']) {
      const attempt = getMapSnapshot(anonymous, id);
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('lets a member read their private map, and says who may edit it', async () => {
    const map = await createMap({ isPublic: false });
    const snapshot = await getMapSnapshot({ kind: 'user', userId: map.ownerId }, map.id);
    expect(snapshot).toMatchObject({ id: map.id, canEdit: true });
    const viewer = await addMember(map.id, 'VIEWER');
    expect((await getMapSnapshot(viewer, map.id)).canEdit).toBe(false);
    const demo = await testDb().argumentMap.findUniqueOrThrow({ where: { slug: DEMO_MAP_SLUG } });
    expect((await getMapSnapshot(anonymous, demo.id)).canEdit).toBe(false);
  });

  it('lists public maps to a visitor but not private ones', async () => {
    const hidden = await createMap({ isPublic: false, title: 'Hidden map' });
    const cards = await listVisibleMaps(anonymous);
    expect(cards.some((c) => c.title === 'Russia, the CSTO and Nagorno-Karabakh')).toBe(true);
    expect(cards.some((c) => c.id === hidden.id)).toBe(false);
    const ownCards = await listVisibleMaps({ kind: 'user', userId: hidden.ownerId });
    expect(ownCards.some((c) => c.id === hidden.id)).toBe(true);
  });
});
