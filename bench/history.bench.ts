import { afterAll, beforeAll, bench, describe } from 'vitest';
import { invertOps, rewind } from '@/lib/domain/history';
import { applyOps, graphStateOf, type GraphState, type TOp } from '@/lib/domain/ops';
import { getMapAt } from '@/lib/server/maps/get-map-history';
import { inOneView } from '@/lib/server/maps/get-map-snapshot';
import { edgeStateOf, nodeStateOf } from '@/lib/server/maps/graph-rows';
import { checkpointsWritten, readRewindBase } from '@/lib/server/maps/map-checkpoints';
import { createMap, testDb } from '../tests/factories';

/**
 * `GET /api/maps/:id?at=0` on a public map with 5,000 batches (200 claims,
 * then edits and moves of them), read by an anonymous visitor: as the view
 * was computed before checkpoints (today's graph, every later inverse), and
 * from checkpoints. Figures go in docs/PERFORMANCE.md.
 */

const BATCHES = 5000;
const NODES = 200;
const anonymous = { kind: 'anonymous' } as const;
let mapId = '';

beforeAll(async () => {
  mapId = (await createMap({ isPublic: true, title: 'Benchmark: 5,000 batches' })).id;
  let state: GraphState = graphStateOf([], []);
  const log: { seq: number; op: object }[] = [];
  for (let seq = 1; seq <= BATCHES; seq++) {
    const k = seq % NODES;
    const id = `${mapId}-${k}`;
    const ops: TOp[] =
      seq <= NODES
        ? [
            {
              type: 'createNode',
              id,
              kind: 'CLAIM',
              text: `Claim ${k}`,
              x: k * 10,
              y: 0,
              anchor: null,
              card: null,
              side: 'NEUTRAL',
            },
          ]
        : seq % 3 === 0
          ? [{ type: 'updateNode', id, expect: {}, text: `Claim ${k}, edit ${seq}` }]
          : [{ type: 'moveNodes', moves: [{ id, x: seq % 997, y: seq % 631 }] }];
    log.push({ seq, op: { ops, inverse: invertOps(state, ops), intent: 'do' } });
    state = applyOps(state, ops).state;
  }
  const nodes = [...state.nodes.values()].map(({ deleted: _d, anchor: _a, card: _c, ...n }) => ({
    ...n,
    mapId,
  }));
  await testDb().node.createMany({ data: nodes });
  for (let i = 0; i < log.length; i += 1000)
    await testDb().mapOp.createMany({
      data: log.slice(i, i + 1000).map((row) => ({ mapId, ...row })),
    });
  await testDb().argumentMap.update({ where: { id: mapId }, data: { lastSeq: BATCHES } });
  // The first view far back backfills the checkpoints; every later one uses them.
  await getMapAt(anonymous, mapId, 0);
  await checkpointsWritten();
  const base = await inOneView((tx) => readRewindBase(tx, mapId, 0, BATCHES));
  console.log(`?at=0 from checkpoints reads ${base.later.length} log rows and 1 checkpoint`);
});

afterAll(async () => {
  await testDb().argumentMap.delete({ where: { id: mapId } });
  await testDb().$disconnect();
});

/** The view as it was computed before checkpoints: the whole graph and every later batch. */
async function fullReplay(seq: number) {
  const read = await inOneView(async (tx) => ({
    nodes: await tx.node.findMany({ where: { mapId } }),
    edges: await tx.edge.findMany({ where: { mapId } }),
    later: await tx.mapOp.findMany({
      where: { mapId, teamId: null, seq: { gt: seq } },
      orderBy: { seq: 'asc' },
      select: { op: true },
    }),
  }));
  return rewind(
    graphStateOf(read.nodes.map(nodeStateOf), read.edges.map(edgeStateOf)),
    read.later.map((row) => (row.op as { inverse: TOp[] }).inverse),
  );
}

describe('a map as of seq 0, 5,000 batches, 200 nodes', () => {
  bench(
    'the whole log replayed (as before checkpoints: 5,000 log rows)',
    async () => {
      await fullReplay(0);
    },
    { iterations: 5, warmupIterations: 1 },
  );
  bench(
    'from the nearest checkpoint (getMapAt)',
    async () => {
      await getMapAt(anonymous, mapId, 0);
    },
    { iterations: 20 },
  );
});
