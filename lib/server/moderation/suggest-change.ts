import 'server-only';
import { applyOps as applyDomainOps, graphStateOf, OpError } from '../../domain/ops';
import { suggestionShape, ZSuggestInput } from '../../domain/moderation/suggestions';
import { authorizeMap, type Actor } from '../authz';
import { AppError } from '../errors';
import { parseInput } from '../http';
import { appendToLog } from '../maps/append-to-log';
import { edgeStateOf, nodeStateOf } from '../maps/graph-rows';
import { loadWorkingSet } from '../maps/graph-working-set';
import { moderationEntry } from './log-moderation';

/**
 * Holds a new card (with its connection) or a text edit as a suggestion for
 * a moderator. The ops must apply to the map as it is now (a parent that
 * exists, an edit based on the card's current version), checked with the
 * same domain code as a real edit, but nothing of the map is written.
 */
export async function suggestChange(
  actor: Actor,
  mapId: string,
  raw: unknown,
): Promise<{ id: string; seq: number }> {
  await authorizeMap(actor, 'map:edit', mapId);
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to suggest a change.');
  const { ops } = parseInput(ZSuggestInput, raw);
  const shape = suggestionShape(ops);
  if (typeof shape === 'string') throw new AppError('VALIDATION_FAILED', shape);
  const appended = await appendToLog({ mapId, actorId: actor.userId }, async (tx) => {
    const rows = await loadWorkingSet(tx, mapId, ops);
    const before = graphStateOf(rows.nodes.map(nodeStateOf), rows.edges.map(edgeStateOf));
    try {
      applyDomainOps(before, ops);
    } catch (error) {
      if (error instanceof OpError) throw new AppError(error.code, error.message);
      throw error;
    }
    const taken =
      shape.kind === 'new' &&
      (await tx.suggestion.findFirst({ where: { nodeId: shape.nodeId }, select: { id: true } }));
    if (taken) throw new AppError('ID_TAKEN', 'That id is already used; suggest the card again.');
    const edited = shape.kind === 'edit' ? before.nodes.get(shape.nodeId) : undefined;
    const created = await tx.suggestion.create({
      data: {
        mapId,
        authorId: actor.userId,
        ops: ops as object[],
        nodeId: shape.nodeId,
        parentId: shape.parentId,
        text: shape.text,
        beforeText: edited?.text ?? null,
      },
      select: { id: true },
    });
    return moderationEntry('suggested', created.id);
  });
  if (appended.duplicate) throw new AppError('CONFLICT', 'This suggestion was already sent.');
  return { id: appended.value, seq: appended.seq };
}
