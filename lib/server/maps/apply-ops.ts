import 'server-only';
import { z } from 'zod';
import { INTENTS, invertOps } from '../../domain/history';
import { applyOps as applyDomainOps, graphStateOf, OpError, ZOp, type TOp } from '../../domain/ops';
import type { Prisma } from '../../generated/prisma/client';
import { refuseHeldChanges } from '../authz';
import { AppError } from '../errors';
import { parseInput, readJsonBody } from '../http';
import { mapUseCase } from '../map-use-case';
import { appendToLog, type LogEntry } from './append-to-log';
import { stamp } from '../bench-trace';
import { edgeColumns, edgeStateOf, nodeColumns, nodeStateOf } from './graph-rows';
import { loadWorkingSet, writeChanges } from './graph-working-set';

const MAX_OPS_PER_BATCH = 500;

export const ZApplyOpsInput = z.object({
  ops: z
    .array(ZOp)
    .min(1, 'Send at least one change')
    .max(MAX_OPS_PER_BATCH, `Send at most ${MAX_OPS_PER_BATCH} changes at once`),
  /** Chosen by the client per submission, so a retry after a lost answer is not applied twice. */
  idempotencyKey: z.string().min(8).max(100).optional(),
  /** Why the batch was sent: a new change, or an undo or redo of one (rebuilds undo history after a reload). */
  intent: z
    .enum(INTENTS, { message: `The intent must be one of ${INTENTS.join(', ')}` })
    .default('do'),
});
export type TApplyOpsInput = z.infer<typeof ZApplyOpsInput>;

export type ApplyOpsResult = {
  /** The op log sequence number of this batch. */
  seq: number;
  /** True when this idempotency key was already applied: nothing new happened. */
  duplicate: boolean;
  nodes: { id: string; version: number }[];
  edges: { id: string; version: number }[];
};

/** An ops request's body, read within its limit and checked, or a 4xx naming the field at fault. */
export async function readOpsRequest(request: Request): Promise<z.infer<typeof ZApplyOpsInput>> {
  return parseInput(ZApplyOpsInput, await readJsonBody(request));
}

/**
 * Applies a batch of ops to a map, all or nothing: for those who may edit
 * it (and, on a map that holds changes for approval, whose changes are not
 * held), inside appendToLog (the map's row lock, the next seq) applies
 * the ops with the domain code to the rows they touch (graph-working-set.ts:
 * O(batch), not O(map)), writes back what changed in bulk, and logs the
 * batch with its inverse. Returns only after COMMIT.
 */
export const applyMapOps = mapUseCase(
  'map:edit',
  async ({ actor, access }, input: TApplyOpsInput): Promise<ApplyOpsResult> => {
    const mapId = access.map.id;
    await refuseHeldChanges(
      actor,
      access,
      input.ops.map((op) => op.type),
    );
    stamp('bodyRead');
    const actorId = actor.kind === 'user' ? actor.userId : null;
    let appended;
    try {
      appended = await appendToLog(
        { mapId, actorId, idempotencyKey: input.idempotencyKey },
        (tx) => applyOpsWithin(tx, { mapId, actorId }, input.ops, input.intent),
        { timeout: 20_000, maxWait: 10_000 },
      );
    } catch (error) {
      // An id that exists on another map is invisible to the domain check above.
      if ((error as { code?: string }).code === 'P2002') {
        throw new AppError(
          'ID_TAKEN',
          'That id is already used; create the node or connection again with a new id.',
        );
      }
      throw error;
    }
    return appended.duplicate
      ? { seq: appended.seq, duplicate: true, nodes: [], edges: [] }
      : { seq: appended.seq, duplicate: false, ...appended.value };
  },
);

/**
 * The work of one batch inside appendToLog's transaction: applies `ops` with
 * the domain code to the rows they touch, checks their anchors, writes back
 * what changed, and says what to log (the batch with its inverse). For a
 * use case that writes rows of its own in the same transaction (an import
 * adding sources before the nodes quoting them).
 */
export async function applyOpsWithin(
  tx: Prisma.TransactionClient,
  { mapId, actorId }: { mapId: string; actorId: string | null },
  ops: TOp[],
  intent: TApplyOpsInput['intent'],
): Promise<LogEntry<Pick<ApplyOpsResult, 'nodes' | 'edges'>>> {
  const { nodes: nodeRows, edges: edgeRows, map } = await loadWorkingSet(tx, mapId, ops);
  const before = graphStateOf(nodeRows.map(nodeStateOf), edgeRows.map(edgeStateOf), map);
  let result;
  try {
    result = applyDomainOps(before, ops);
  } catch (error) {
    if (error instanceof OpError) {
      throw new AppError(
        error.code,
        error.message,
        error.current ? { current: error.current } : undefined,
      );
    }
    throw error;
  }
  await checkAnchors(tx, mapId, ops);
  const inverse = invertOps(before, ops);

  const now = new Date();
  const previousNodes = new Map(nodeRows.map((r) => [r.id, r]));
  const previousEdges = new Map(edgeRows.map((r) => [r.id, r]));
  const nodeWrites = result.changedNodes.map((id) => ({
    id,
    columns: nodeColumns(result.state.nodes.get(id)!, previousNodes.get(id), now),
  }));
  const edgeWrites = result.changedEdges.map((id) => ({
    id,
    columns: edgeColumns(result.state.edges.get(id)!, previousEdges.get(id), now),
  }));
  await writeChanges(
    tx,
    { mapId, actorId, now },
    {
      createdNodes: nodeWrites.filter((w) => !previousNodes.has(w.id)),
      updatedNodes: nodeWrites.filter((w) => previousNodes.has(w.id)),
      createdEdges: edgeWrites.filter((w) => !previousEdges.has(w.id)),
      updatedEdges: edgeWrites.filter((w) => previousEdges.has(w.id)),
      ...(result.changedMap && { map: result.state.map! }),
    },
  );
  return {
    op: { ops, inverse, intent } as Prisma.InputJsonValue,
    value: {
      nodes: result.changedNodes.map((id) => ({
        id,
        version: result.state.nodes.get(id)!.version,
      })),
      edges: result.changedEdges.map((id) => ({
        id,
        version: result.state.edges.get(id)!.version,
      })),
    },
  };
}

/**
 * An anchor must point into a source of this map, and its quote must be
 * exactly the text at its offsets: an evidence node never quotes something
 * its source does not say.
 */
async function checkAnchors(tx: Prisma.TransactionClient, mapId: string, ops: readonly TOp[]) {
  const anchors = ops.flatMap((op) =>
    (op.type === 'createNode' || op.type === 'updateNode') && op.anchor ? [op.anchor] : [],
  );
  if (anchors.length === 0) return;
  const sources = await tx.source.findMany({
    where: { mapId, id: { in: [...new Set(anchors.map((a) => a.sourceId))] } },
    select: { id: true, text: true },
  });
  const texts = new Map(sources.map((s) => [s.id, s.text]));
  for (const anchor of anchors) {
    const text = texts.get(anchor.sourceId);
    if (text === undefined)
      throw new AppError(
        'VALIDATION_FAILED',
        'The quoted source is not one of this map’s sources.',
      );
    if (text.slice(anchor.start, anchor.end) !== anchor.exact) {
      throw new AppError(
        'VALIDATION_FAILED',
        'The quote does not match the source text at that place.',
      );
    }
  }
}
