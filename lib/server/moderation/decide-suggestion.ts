import 'server-only';
import {
  hasWords,
  storedSuggestion,
  withText,
  ZDecision,
  type SuggestionKind,
  type TDecision,
} from '../../domain/moderation/suggestions';
import { asModerator, type Actor } from '../authz';
import { AppError } from '../errors';
import { parseInput } from '../http';
import { appendToLog } from '../maps/append-to-log';
import { applyOpsWithin } from '../maps/apply-ops';
import { mapUseCase } from '../map-use-case';
import { lockWaiting, moderationBatch, moderationEntry } from './log-moderation';

/** Why approving can fail because the map moved on: the suggestion stays waiting. */
const STALE = new Set(['STALE_VERSION', 'DELETED', 'NOT_FOUND', 'DUPLICATE_EDGE', 'CONFLICT']);

const ASK_AGAIN = 'Decline it, or ask for a new suggestion.';

/** Why a suggestion today's rules no longer read is not approved (it stays waiting). */
const CANNOT_APPLY = 'This suggestion can no longer be applied.';

/** Why a suggestion of this kind cannot be approved now that the map moved on (`code`, the domain's refusal). */
function staleMessage(kind: SuggestionKind, code: string, answers: boolean): string {
  const gone = code === 'DELETED' || code === 'NOT_FOUND';
  if (kind === 'new' && answers && code !== 'STALE_VERSION')
    return 'The card this suggestion answers is no longer on the map, so it cannot be approved. Decline it with a reason.';
  if (kind === 'delete' && gone) return `The card is already gone from the map. ${ASK_AGAIN}`;
  if (kind === 'connect' && code === 'DUPLICATE_EDGE')
    return `These cards are already connected that way. ${ASK_AGAIN}`;
  if (kind === 'connect' && gone)
    return `One of the cards it connects is no longer on the map, so it cannot be approved. ${ASK_AGAIN}`;
  if (gone) return `The card is no longer on the map, so it cannot be approved. ${ASK_AGAIN}`;
  return `The card changed after this suggestion was made, so it cannot be approved as it is. ${ASK_AGAIN}`;
}

/**
 * A moderator approves (as written, or with their edited text) or declines
 * (with a reason) a waiting suggestion; its writer may withdraw it.
 *
 * Approving applies the suggestion's ops through the normal op path, as the
 * moderator's batch (one step in the log, live to every page, undoable by
 * them), with the new card credited to the student who suggested it
 * (`createdById`, which tasks count), and the moderation batch that tells
 * the queues right after it, in the same transaction: both or neither.
 * When the map moved on since (the card it answers, edits, re-kinds,
 * deletes or connects is gone, an edit's or a new kind's card changed, the
 * connection is already there), nothing is applied: CONFLICT (409) with
 * `stale`, and the suggestion stays waiting. Only words (a new card, an
 * edit) may be approved with the moderator's own. A suggestion whose
 * stored ops today's rules refuse (`storedSuggestion`: a rule tightened
 * since, an old row) is never applied: CANNOT_APPLY (409) with the reason,
 * and it stays waiting to be declined or withdrawn.
 *
 * Anyone who reads the map gets this far; withdrawing is for the writer,
 * deciding for the map's moderators (asModerator).
 */
export const decideSuggestion = mapUseCase(
  'map:read',
  async ({ actor, access }, suggestionId: string, raw: unknown): Promise<{ seq: number }> => {
    const mapId = access.map.id;
    const decision = parseInput(ZDecision, raw);
    if (decision.action === 'withdraw') return withdraw(actor, mapId, suggestionId);
    await asModerator(actor, access);
    return decide(actor, mapId, suggestionId, decision);
  },
);

async function decide(
  actor: Actor,
  mapId: string,
  suggestionId: string,
  decision: Exclude<TDecision, { action: 'withdraw' }>,
): Promise<{ seq: number }> {
  const actorId = actor.kind === 'user' ? actor.userId : null;
  const now = new Date();
  if (decision.action === 'decline') {
    const appended = await appendToLog({ mapId, actorId }, async (tx) => {
      await waiting(tx, mapId, suggestionId);
      await tx.suggestion.update({
        where: { id: suggestionId },
        data: { status: 'DECLINED', reason: decision.reason, decidedById: actorId, decidedAt: now },
      });
      return moderationEntry('declined', null, { suggestionId });
    });
    return { seq: appended.seq };
  }
  const applied = await appendToLog({ mapId, actorId }, async (tx) => {
    const suggestion = await waiting(tx, mapId, suggestionId);
    const read = storedSuggestion(suggestion.ops);
    if (!read.readable)
      throw new AppError('CANNOT_APPLY', `${CANNOT_APPLY} ${read.reason} ${ASK_AGAIN}`);
    const { ops: stored, shape } = read;
    const { kind } = shape;
    if (decision.text !== undefined && !hasWords(kind))
      throw new AppError(
        'VALIDATION_FAILED',
        'Only a new card or new words can be approved with other words.',
      );
    const ops = decision.text === undefined ? stored : withText(stored, decision.text);
    let entry;
    try {
      entry = await applyOpsWithin(tx, { mapId, actorId }, ops, 'do');
    } catch (error) {
      if (error instanceof AppError && STALE.has(error.code))
        throw new AppError('CONFLICT', staleMessage(kind, error.code, !!suggestion.parentId), {
          stale: true,
        });
      throw error;
    }
    if (suggestion.authorId) {
      const created = ops.filter((op) => op.type === 'createNode' || op.type === 'createEdge');
      const ids = created.map((op) => op.id);
      await tx.node.updateMany({
        where: { mapId, id: { in: ids } },
        data: { createdById: suggestion.authorId },
      });
      await tx.edge.updateMany({
        where: { mapId, id: { in: ids } },
        data: { createdById: suggestion.authorId },
      });
    }
    await tx.suggestion.update({
      where: { id: suggestionId },
      data: {
        status: 'APPROVED',
        text: decision.text ?? suggestion.text,
        decidedById: actorId,
        decidedAt: now,
      },
    });
    // The writer's list and the moderators' queues: a batch of its own, with no words in it.
    return { ...entry, also: [moderationBatch('approved', { suggestionId })] };
  });
  return { seq: applied.seq };
}

async function waiting(tx: Parameters<typeof lockWaiting>[0], mapId: string, suggestionId: string) {
  const suggestion = await lockWaiting(tx, mapId, suggestionId);
  if (!suggestion) throw new AppError('NOT_FOUND', 'This suggestion does not exist.');
  if (suggestion.status !== 'WAITING')
    throw new AppError('CONFLICT', 'This suggestion has already been decided or withdrawn.');
  return suggestion;
}

/** The writer takes back a suggestion that is still waiting. */
async function withdraw(
  actor: Actor,
  mapId: string,
  suggestionId: string,
): Promise<{ seq: number }> {
  const appended = await appendToLog(
    { mapId, actorId: actor.kind === 'user' ? actor.userId : null },
    async (tx) => {
      const suggestion = await waiting(tx, mapId, suggestionId);
      if (actor.kind !== 'user' || suggestion.authorId !== actor.userId)
        throw new AppError('FORBIDDEN', 'Only the person who suggested it can withdraw it.');
      await tx.suggestion.update({ where: { id: suggestionId }, data: { status: 'WITHDRAWN' } });
      return moderationEntry('withdrawn', null, { suggestionId });
    },
  );
  return { seq: appended.seq };
}
