import 'server-only';
import { applyOps as applyDomainOps, graphStateOf, OpError } from '../../domain/ops';
import { suggestionShape, ZSuggestInput } from '../../domain/moderation/suggestions';
import { AppError } from '../errors';
import { parseInput } from '../http';
import { appendToLog } from '../maps/append-to-log';
import { edgeStateOf, nodeStateOf } from '../maps/graph-rows';
import { loadWorkingSet } from '../maps/graph-working-set';
import { mapUseCase } from '../map-use-case';
import { moderationEntry } from './log-moderation';

/**
 * Holds a change as a suggestion for a moderator, for those who may edit
 * the map: a new card (with its connection), new words or a new kind for a
 * card, a connection between two cards, or deleting a card
 * (`suggestionShape`). The ops must apply to the map as it is now (cards
 * that exist, an edit based on the card's current version, no connection
 * that is already there), checked with the same domain code as a real
 * edit, but nothing of the map is written. A suggestion about a card on
 * the map keeps that card's words as they were (`text`), for the queue once
 * the card is gone. A retry with the same idempotency key
 * answers the suggestion the first request made.
 */
export const suggestChange = mapUseCase(
  'map:edit',
  async ({ actor, access }, raw: unknown): Promise<{ id: string; seq: number }> => {
    if (actor.kind !== 'user')
      throw new AppError('UNAUTHENTICATED', 'Sign in to suggest a change.');
    const mapId = access.map.id;
    const { ops, idempotencyKey } = parseInput(ZSuggestInput, raw);
    const shape = suggestionShape(ops);
    if (typeof shape === 'string') throw new AppError('VALIDATION_FAILED', shape);
    const appended = await appendToLog(
      { mapId, actorId: actor.userId, idempotencyKey },
      async (tx) => {
        const rows = await loadWorkingSet(tx, mapId, ops);
        const before = graphStateOf(
          rows.nodes.map(nodeStateOf),
          rows.edges.map(edgeStateOf),
          rows.map,
        );
        try {
          applyDomainOps(before, ops);
        } catch (error) {
          if (error instanceof OpError) throw new AppError(error.code, error.message);
          throw error;
        }
        const taken =
          shape.kind === 'new' &&
          (await tx.suggestion.findFirst({
            where: { nodeId: shape.nodeId },
            select: { id: true },
          }));
        if (taken)
          throw new AppError('ID_TAKEN', 'That id is already used; suggest the card again.');
        const card = shape.kind === 'new' ? undefined : before.nodes.get(shape.nodeId);
        const created = await tx.suggestion.create({
          data: {
            mapId,
            authorId: actor.userId,
            ops: ops as object[],
            nodeId: shape.nodeId,
            parentId: shape.parentId,
            text: 'text' in shape ? shape.text : (card?.text ?? ''),
            beforeText: shape.kind === 'edit' ? (card?.text ?? null) : null,
          },
          select: { id: true },
        });
        return moderationEntry('suggested', created.id, { suggestionId: created.id });
      },
    );
    if (appended.duplicate) {
      // The same submission again (its answer was lost): the suggestion it made.
      const earlier = appended.op as { what?: string; suggestionId?: string } | null;
      if (earlier?.what !== 'suggested' || !earlier.suggestionId)
        throw new AppError('CONFLICT', 'This key was already used for another change.');
      return { id: earlier.suggestionId, seq: appended.seq };
    }
    return { id: appended.value, seq: appended.seq };
  },
);
