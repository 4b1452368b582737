import { afterAll, beforeAll, bench, describe } from 'vitest';
import { estimateNodeHeight, layoutGraph, NODE_WIDTH } from '@/lib/domain/layout';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { DEMO_EDGES, DEMO_MAP_SLUG, DEMO_NODES } from '@/prisma/seed/demo-map';
import { createMap, testDb } from '../tests/factories';

/**
 * Reading a map and laying it out: the demo map, and a generated map of
 * 1,000 nodes (a tree with some cross-attacks), the size the editor must
 * stay smooth on. Figures go in docs/PERFORMANCE.md.
 */

const anonymous = { kind: 'anonymous' } as const;
let demoId = '';
let bigId = '';
let big: {
  nodes: { id: string; width: number; height: number }[];
  edges: { id: string; fromId: string; toId: string }[];
};

beforeAll(async () => {
  demoId = (await testDb().argumentMap.findUniqueOrThrow({ where: { slug: DEMO_MAP_SLUG } })).id;
  const map = await createMap({ isPublic: true, title: 'Benchmark: 1,000 nodes' });
  bigId = map.id;
  const nodes = Array.from({ length: 1000 }, (_, i) => ({
    id: `bench-${bigId}-${i}`,
    mapId: bigId,
    kind: i === 0 ? ('QUESTION' as const) : ('CLAIM' as const),
    text: `Claim number ${i}: a sentence long enough to wrap onto a second line of the card.`,
    x: (i % 40) * 300,
    y: Math.floor(i / 40) * 160,
  }));
  await testDb().node.createMany({ data: nodes });
  const edges = nodes.slice(1).map((n, i) => ({
    mapId: bigId,
    fromId: n.id,
    toId: nodes[Math.floor(i / 3)]!.id,
    relation: i % 7 === 0 ? ('ATTACKS' as const) : ('SUPPORTS' as const),
  }));
  await testDb().edge.createMany({ data: edges });
  big = {
    nodes: nodes.map((n) => ({
      id: n.id,
      width: NODE_WIDTH,
      height: estimateNodeHeight(n.text, false),
    })),
    edges: edges.map((e, i) => ({ id: String(i), fromId: e.fromId, toId: e.toId })),
  };
});

afterAll(async () => {
  await testDb().argumentMap.delete({ where: { id: bigId } });
  await testDb().$disconnect();
});

describe('map snapshot', () => {
  bench('demo map (36 nodes, 40 edges, 2 sources)', async () => {
    await getMapSnapshot(anonymous, demoId);
  });
  bench(
    '1,000 nodes, 999 edges',
    async () => {
      await getMapSnapshot(anonymous, bigId);
    },
    { iterations: 20 },
  );
});

describe('auto-layout (elkjs layered)', () => {
  bench('demo map (36 nodes)', async () => {
    await layoutGraph({
      nodes: DEMO_NODES.map((n) => ({
        id: n.key,
        width: NODE_WIDTH,
        height: estimateNodeHeight(n.text, !!n.source),
      })),
      edges: DEMO_EDGES.map(([from, , to], i) => ({ id: String(i), fromId: from, toId: to })),
    });
  });
  bench(
    '1,000 nodes',
    async () => {
      await layoutGraph(big);
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
