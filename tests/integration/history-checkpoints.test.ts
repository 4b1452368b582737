import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { rewind } from '@/lib/domain/history';
import { graphStateOf, type TOp, type TOpInput } from '@/lib/domain/ops';
import type { MapSnapshot } from '@/lib/domain/types';
import type { Actor } from '@/lib/server/authz';
import { AppError } from '@/lib/server/errors';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { getMapAt } from '@/lib/server/maps/get-map-history';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { edgeStateOf, nodeStateOf } from '@/lib/server/maps/graph-rows';
import { CHECKPOINT_EVERY, checkpointsWritten } from '@/lib/server/maps/map-checkpoints';
import { testDb } from '../factories';
import { buildTeamMap, nodeNote, sendSocial } from '../support/team-map';

afterAll(async () => {
  await checkpointsWritten();
  await testDb().$disconnect();
});

const apply = (actor: Actor, mapId: string, ops: TOpInput[], intent: 'do' | 'undo' = 'do') =>
  applyMapOps(actor, mapId, ZApplyOpsInput.parse({ ops, intent, idempotencyKey: randomUUID() }));

/** What a reader of the map sees of its graph, versions included, in a stable order. */
const graphOf = (s: Pick<MapSnapshot, 'nodes' | 'edges'>) => ({
  nodes: [...s.nodes].sort((a, b) => a.id.localeCompare(b.id)),
  edges: [...s.edges].sort((a, b) => a.id.localeCompare(b.id)),
});

/** The view as of `seq` the way it was computed before checkpoints: today's graph with every later inverse. */
async function fullReplay(mapId: string, seq: number) {
  const [nodes, edges, later] = await Promise.all([
    testDb().node.findMany({ where: { mapId } }),
    testDb().edge.findMany({ where: { mapId } }),
    testDb().mapOp.findMany({
      where: { mapId, teamId: null, seq: { gt: seq } },
      orderBy: { seq: 'asc' },
    }),
  ]);
  const inverses = later
    .map((row) => row.op as { kind?: string; inverse?: TOp[] })
    .filter((op) => op.kind !== 'social')
    .map((op) => op.inverse!);
  const past = rewind(graphStateOf(nodes.map(nodeStateOf), edges.map(edgeStateOf)), inverses);
  const live = [...past.nodes.values()].filter((n) => !n.deleted);
  const ids = new Set(live.map((n) => n.id));
  return graphOf({
    nodes: live.map(({ deleted: _d, ...n }) => n),
    edges: [...past.edges.values()]
      .filter((e) => !e.deleted && ids.has(e.fromId) && ids.has(e.toId))
      .map(({ deleted: _d, ...e }) => e),
  });
}

const STEPS = [
  'create',
  'create',
  'edit',
  'move',
  'delete',
  'restore',
  'connect',
  'relabel',
  'disconnect',
  'undo',
  'comment',
  'note',
] as const;
const arbStep = fc.record({
  kind: fc.constantFrom(...STEPS),
  pick: fc.nat(),
  other: fc.nat(),
  text: fc.string({ minLength: 1, maxLength: 12 }).filter((t) => t.trim().length > 0),
});

describe('the map as of any seq, from checkpoints', () => {
  it('is exactly the graph as it was then, and what replaying the whole log gave, across checkpoints, comments and team notes', async () => {
    const { mapId, owner, amira, ben, viewer, red } = await buildTeamMap();
    const truth = new Map<number, ReturnType<typeof graphOf>>();
    const record = async () => {
      const snapshot = await getMapSnapshot(owner, mapId);
      truth.set(snapshot.seq, graphOf(snapshot));
      return snapshot;
    };
    let now = await record();
    // Batches 1 and 2 are team notes: the graph was the same before them.
    for (let seq = 0; seq < now.seq; seq++) truth.set(seq, truth.get(now.seq)!);
    const deleted: string[] = [];
    const [steps] = fc.sample(fc.array(arbStep, { minLength: 380, maxLength: 380 }), {
      numRuns: 1,
      seed: 13,
    });
    for (const step of steps!) {
      const nodes = now.nodes;
      const node = nodes[step.pick % Math.max(1, nodes.length)];
      const other = nodes[step.other % Math.max(1, nodes.length)];
      const edge = now.edges[step.pick % Math.max(1, now.edges.length)];
      try {
        switch (step.kind) {
          case 'create':
            await apply(owner, mapId, [
              { type: 'createNode', id: randomUUID(), kind: 'CLAIM', text: step.text, x: 0, y: 0 },
            ]);
            break;
          case 'edit':
            if (!node) continue;
            await apply(amira, mapId, [
              { type: 'updateNode', id: node.id, baseVersion: node.version, text: step.text },
            ]);
            break;
          case 'move':
            if (!node) continue;
            await apply(owner, mapId, [
              {
                type: 'moveNodes',
                moves: [{ id: node.id, x: step.other % 900, y: step.pick % 700 }],
              },
            ]);
            break;
          case 'delete':
            if (!node) continue;
            await apply(owner, mapId, [{ type: 'deleteNode', id: node.id }]);
            deleted.push(node.id);
            break;
          case 'restore': {
            const id = deleted[step.pick % Math.max(1, deleted.length)];
            if (!id) continue;
            await apply(owner, mapId, [{ type: 'restoreNode', id, edgeIds: [] }]);
            deleted.splice(deleted.indexOf(id), 1);
            break;
          }
          case 'connect':
            if (!node || !other || node.id === other.id) continue;
            await apply(amira, mapId, [
              {
                type: 'createEdge',
                id: randomUUID(),
                fromId: node.id,
                toId: other.id,
                relation: step.other % 2 ? 'ATTACKS' : 'SUPPORTS',
              },
            ]);
            break;
          case 'relabel':
            if (!edge) continue;
            await apply(owner, mapId, [
              {
                type: 'updateEdge',
                id: edge.id,
                baseVersion: edge.version,
                relation: edge.relation === 'ATTACKS' ? 'SUPPORTS' : 'ATTACKS',
              },
            ]);
            break;
          case 'disconnect':
            if (!edge) continue;
            await apply(owner, mapId, [{ type: 'deleteEdge', id: edge.id }]);
            break;
          case 'undo': {
            const last = await testDb().mapOp.findFirst({
              where: { mapId, teamId: null },
              orderBy: { seq: 'desc' },
            });
            const body = last?.op as { kind?: string; inverse?: TOpInput[] } | undefined;
            if (!body || body.kind === 'social' || !body.inverse?.length) continue;
            await apply(owner, mapId, body.inverse, 'undo');
            break;
          }
          case 'comment':
            if (!node) continue;
            await sendSocial(ben, mapId, [
              { type: 'addComment', id: randomUUID(), nodeId: node.id, body: step.text },
            ]);
            break;
          case 'note':
            if (!node) continue;
            await sendSocial(amira, mapId, [nodeNote(node.id, red, step.text)]);
            break;
        }
      } catch (error) {
        // A step the random walk got wrong (a refused restore or a stale undo) logs nothing.
        if (!(error instanceof AppError)) throw error;
      }
      now = await record();
    }
    await checkpointsWritten();

    const last = now.seq;
    expect(last).toBeGreaterThan(3 * CHECKPOINT_EVERY);
    const checkpoints = await testDb().mapCheckpoint.count({ where: { mapId } });
    expect(checkpoints).toBeGreaterThanOrEqual(3);
    for (let seq = 0; seq <= last; seq++) {
      const past = graphOf(await getMapAt(viewer, mapId, seq));
      expect(past, `as of seq ${seq}`).toEqual(truth.get(seq));
      expect(past, `as of seq ${seq}, against the full replay`).toEqual(
        await fullReplay(mapId, seq),
      );
    }
    // 380 edits, each read back, then every past view twice: a long run, not a timing.
  }, 120_000);
});
