import 'server-only';
import { rewind } from '../../domain/history';
import {
  graphStateOf,
  type EdgeState,
  type GraphState,
  type NodeState,
  type TOp,
} from '../../domain/ops';
import type { Prisma } from '../../generated/prisma/client';
import { db } from '../db';
import { AppError } from '../errors';
import { inOneView } from './get-map-snapshot';
import { cardOf } from '../../domain/evidence/card';
import { cqAnswerOf } from '../../domain/reasoning/answers';
import { edgeStateOf, nodeStateOf } from './graph-rows';

/**
 * Checkpoints bound the cost of looking at a map's past. A checkpoint is the
 * whole graph (deleted entities included) right after one batch; one is
 * written once a map's log has grown this many batches past its newest one,
 * so a view as of any seq starts from the nearest checkpoint at or after it
 * (or today's graph) and rewinds at most about this many batches, however
 * long the history. Counted in batches of every kind: the view reads each
 * public batch of the stretch, comments included.
 *
 * @internal Exported for the tests that check the bound.
 */
export const CHECKPOINT_EVERY = 100;

type Tx = Prisma.TransactionClient;
type StoredGraph = { nodes: NodeState[]; edges: EdgeState[] };

/** What a view as of `seq` starts from: a graph at seq `from` ≥ `seq`, and the public batches (seq, from]. */
export type RewindBase = {
  from: number;
  graph: GraphState;
  later: { seq: number; op: Prisma.JsonValue }[];
};

/**
 * Reads, in `tx` (one consistent view in which the map's lastSeq is
 * `lastSeq`), what rebuilding the graph as of `seq` needs: the nearest
 * checkpoint at or after `seq`, else today's rows, and the log between.
 * Team-private batches are notes, never graph changes: not read.
 */
export async function readRewindBase(
  tx: Tx,
  mapId: string,
  seq: number,
  lastSeq: number,
): Promise<RewindBase> {
  const checkpoint = await tx.mapCheckpoint.findFirst({
    where: { mapId, seq: { gte: seq, lte: lastSeq } },
    orderBy: { seq: 'asc' },
  });
  const from = checkpoint?.seq ?? lastSeq;
  const graph = checkpoint ? storedGraphState(checkpoint.graph) : await readGraphRows(tx, mapId);
  const later =
    seq < from
      ? await tx.mapOp.findMany({
          where: { mapId, teamId: null, seq: { gt: seq, lte: from } },
          orderBy: { seq: 'asc' },
          select: { seq: true, op: true },
        })
      : [];
  return { from, graph, later };
}

/**
 * The graph as it was right after batch `seq`: `base` with the inverses of
 * its later batches applied, newest first. A stretch longer than
 * CHECKPOINT_EVERY has no checkpoint inside it (a log older than
 * checkpoints, or one not written yet): the graphs passed on the way are
 * saved as checkpoints, so only the first view that far back pays for the
 * whole stretch.
 */
export function rewindTo(mapId: string, base: RewindBase, seq: number): GraphState {
  const batches = base.later
    .map((row) => ({ seq: row.seq, body: row.op as { kind?: string; inverse?: unknown } }))
    // Comments, rounds and sources never change the graph: nothing to rewind for them.
    .filter(({ body }) => body.kind === undefined);
  if (batches.some(({ body }) => !Array.isArray(body.inverse))) {
    throw new AppError('NOT_FOUND', 'The map’s history does not reach back that far.');
  }
  let graph = base.graph;
  let mark = base.from;
  const passed: { seq: number; graph: GraphState }[] = [];
  for (const batch of batches.toReversed()) {
    graph = rewind(graph, [batch.body.inverse as TOp[]]);
    // Now the graph right after the batch before this one.
    const at = batch.seq - 1;
    if (mark - at >= CHECKPOINT_EVERY && at > seq) {
      passed.push({ seq: at, graph });
      mark = at;
    }
  }
  if (passed.length > 0) track(saveCheckpoints(mapId, passed));
  return graph;
}

/**
 * Called after each commit to a map's log (by appendToLog): once the log is
 * CHECKPOINT_EVERY batches past the newest checkpoint this process knows
 * of, writes one in the background. Never on the edit's path: the commit
 * is done and its lock released; one write at a time per map; a failure is
 * logged and the next commit tries again.
 */
export function checkpointAfterCommit(mapId: string, seq: number): void {
  if (seq - (newestKnown.get(mapId) ?? 0) < CHECKPOINT_EVERY || writing.has(mapId)) return;
  writing.add(mapId);
  track(writeCheckpoint(mapId).finally(() => writing.delete(mapId)));
}

/** Per map, the seq of its newest checkpoint as far as this process knows. */
const newestKnown = new Map<string, number>();
const writing = new Set<string>();
const pending = new Set<Promise<void>>();

/** @internal Exported for the tests: resolves once every checkpoint being written is. */
export async function checkpointsWritten(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}

function track(job: Promise<void>): void {
  const logged = job.catch((error: unknown) => {
    console.error('Writing a map checkpoint failed; the next commit tries again.', error);
  });
  pending.add(logged);
  void logged.finally(() => pending.delete(logged));
}

async function writeCheckpoint(mapId: string): Promise<void> {
  // The graph and its seq in one view: the checkpoint is exactly the graph
  // right after batch lastSeq, whatever commits meanwhile.
  const read = await inOneView(async (tx) => {
    const map = await tx.argumentMap.findUnique({
      where: { id: mapId },
      select: { lastSeq: true },
    });
    if (!map) return null;
    const newest = await tx.mapCheckpoint.findFirst({
      where: { mapId },
      orderBy: { seq: 'desc' },
      select: { seq: true },
    });
    // Another process may have written one since this one last looked.
    newestKnown.set(mapId, newest?.seq ?? 0);
    if (map.lastSeq - (newest?.seq ?? 0) < CHECKPOINT_EVERY) return null;
    return { seq: map.lastSeq, graph: await readGraphRows(tx, mapId) };
  });
  if (read) await saveCheckpoints(mapId, [read]);
}

/**
 * Stores checkpoints, keeping any already there: two processes (or two
 * readers backfilling) writing the same one wrote the same graph. Outside
 * the read's REPEATABLE READ view, where a conflict with a row committed
 * meanwhile would be an error instead of nothing.
 */
async function saveCheckpoints(
  mapId: string,
  checkpoints: { seq: number; graph: GraphState }[],
): Promise<void> {
  await db().mapCheckpoint.createMany({
    data: checkpoints.map(({ seq, graph }) => ({
      mapId,
      seq,
      graph: storedGraph(graph) as unknown as Prisma.InputJsonValue,
    })),
    skipDuplicates: true,
  });
  const newest = Math.max(...checkpoints.map((c) => c.seq));
  if (newest > (newestKnown.get(mapId) ?? 0)) newestKnown.set(mapId, newest);
}

/** Today's whole graph, deleted entities included, in the order they were made. */
async function readGraphRows(tx: Tx, mapId: string): Promise<GraphState> {
  const order = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
  const nodes = await tx.node.findMany({ where: { mapId }, orderBy: order });
  const edges = await tx.edge.findMany({ where: { mapId }, orderBy: order });
  return graphStateOf(nodes.map(nodeStateOf), edges.map(edgeStateOf));
}

function storedGraph(graph: GraphState): StoredGraph {
  return { nodes: [...graph.nodes.values()], edges: [...graph.edges.values()] };
}

function storedGraphState(json: Prisma.JsonValue): GraphState {
  // Written only by storedGraph above, from the domain's own states.
  const { nodes, edges } = json as unknown as StoredGraph;
  // A checkpoint from before cards (or schemes, scheme names or tags) has none; jsonb reorders a
  // card's (or an answer's) keys, and undo compares them as JSON.
  return graphStateOf(
    nodes.map((n) => ({ ...n, card: cardOf(n.card ?? null), tags: n.tags ?? [] })),
    edges.map((e) => ({
      ...e,
      scheme: e.scheme ?? null,
      schemeName: e.schemeName ?? null,
      answers: cqAnswerOf(e.answers ?? null),
    })),
  );
}
