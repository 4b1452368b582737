import { z } from 'zod';
import { ZOp, ZText, type TOp } from '../ops';

/**
 * Suggestions: while a map asks for approval, a student's new card (with
 * its connection to what it answers) or text edit is held as the very ops
 * that approving it applies. Pure, so the page and the server agree on what
 * a suggestion may hold.
 */

/**
 * A suggestion as sent: the ops the page would otherwise have sent to the
 * map, and the page's key for this submission (as for ops), so a retry
 * after a lost answer suggests once.
 */
export const ZSuggestInput = z.object({
  ops: z.array(ZOp).min(1).max(2),
  idempotencyKey: z.string().min(8).max(100).optional(),
});

/** What a suggestion proposes, read off its ops. */
export type SuggestionShape = {
  kind: 'new' | 'edit';
  /** The new card's id, or the card edited. */
  nodeId: string;
  /** What a new card answers, if it is connected. */
  parentId: string | null;
  text: string;
};

/**
 * Checks that `ops` are one suggestion: a createNode (no quote: a quoted
 * passage is added from the source reader by people whose changes are not
 * held) with at most one createEdge from it, or a single updateNode of the
 * text only. Returns what it proposes, or why it cannot be a suggestion.
 */
export function suggestionShape(ops: readonly TOp[]): SuggestionShape | string {
  const [first, second] = ops;
  if (ops.length === 1 && first?.type === 'updateNode') {
    const { text, kind, side, anchor, card, tags } = first;
    if (text === undefined || kind !== undefined || side !== undefined)
      return 'A suggested edit changes the text only.';
    if (anchor !== undefined || card !== undefined || tags !== undefined)
      return 'A suggested edit changes the text only.';
    return { kind: 'edit', nodeId: first.id, parentId: null, text };
  }
  if (first?.type !== 'createNode')
    return 'A suggestion is a new card or a change of a card’s text.';
  if (first.anchor || first.card) return 'A suggested card cannot quote a source.';
  if (first.tags?.length) return 'A suggested card cannot have tags: a moderator adds them.';
  if (ops.length === 1) return { kind: 'new', nodeId: first.id, parentId: null, text: first.text };
  if (second?.type !== 'createEdge' || second.fromId !== first.id || second.groupId !== null)
    return 'A suggested card can only be connected to the card it answers.';
  return { kind: 'new', nodeId: first.id, parentId: second.toId, text: first.text };
}

/** The suggestion's ops with the moderator's edited text in place of the writer's. */
export function withText(ops: readonly TOp[], text: string): TOp[] {
  return ops.map((op) =>
    op.type === 'createNode' || op.type === 'updateNode' ? { ...op, text } : op,
  );
}

/** A moderator's decision: approve (optionally with edited text), or decline with a reason. */
export const ZDecision = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), text: ZText.optional() }).strict(),
  z
    .object({
      action: z.literal('decline'),
      reason: z.string().trim().min(1, 'Say why it is declined').max(500),
    })
    .strict(),
  z.object({ action: z.literal('withdraw') }).strict(),
]);
export type TDecision = z.infer<typeof ZDecision>;

export const ZFlagInput = z.object({
  nodeId: z.string().min(1).max(64),
  reason: z.string().trim().max(500).default(''),
});

export const ZFlagDecision = z.object({ action: z.enum(['dismiss', 'delete']) }).strict();

export const ZModerationSettings = z.union([
  z.object({ requireApproval: z.boolean() }).strict(),
  z.object({ addModerator: z.string().min(1).max(64) }).strict(),
  z.object({ removeModerator: z.string().min(1).max(64) }).strict(),
]);

type SuggestionStatus = 'WAITING' | 'APPROVED' | 'DECLINED' | 'WITHDRAWN';

/** A suggestion as the queue and its writer see it. */
export type SuggestionView = {
  id: string;
  kind: 'new' | 'edit';
  nodeId: string;
  /** The new card's kind, for a new card. */
  nodeKind: string | null;
  author: { id: string | null; name: string };
  parent: { id: string; text: string } | null;
  text: string;
  beforeText: string | null;
  status: SuggestionStatus;
  reason: string | null;
  createdAt: string;
};

type FlagView = {
  id: string;
  nodeId: string;
  nodeText: string;
  raisedBy: string;
  reason: string;
  createdAt: string;
};

/**
 * What a batch of kind 'moderation' says, in the log and on the stream:
 * which sort of thing happened and to which suggestion or flag, by id.
 * Never whose words or what they said.
 */
export type ModerationBatch = {
  what: 'suggested' | 'withdrawn' | 'approved' | 'declined' | 'flagged' | 'resolved' | 'settings';
  suggestionId?: string;
  flagId?: string;
};

/** A moderation batch as the stream gives it: who did it (an id, as for every batch) and what. */
export type ModerationStreamEvent = ModerationBatch & { seq: number; actorId: string | null };

/**
 * Whether a moderation batch changes what this reader's moderation view
 * shows, so the page fetches it again only then: a moderator's queue and
 * flags change with every batch; anyone's view with the settings (the mode,
 * who moderates); a writer's "My suggestions" and flags with what they did
 * themselves (in another tab, say) and with a decision on a suggestion of
 * theirs. A page that has no view yet fetches it.
 */
export function concernsReader(event: ModerationStreamEvent, view: ModerationView | null): boolean {
  if (!view || view.moderator || event.what === 'settings') return true;
  if (event.actorId !== null && event.actorId === view.me) return true;
  return event.suggestionId !== undefined && view.mine.some((s) => s.id === event.suggestionId);
}

/** Everything the page needs about moderation, as this reader may see it. */
export type ModerationView = {
  /** The reader's own user id (null signed out): whose batches are theirs. */
  me: string | null;
  requireApproval: boolean;
  /** This reader decides suggestions and flags. */
  moderator: boolean;
  /** This reader sets approval mode and moderators (the map's managers, the class's teacher). */
  manager: boolean;
  /** Whether this reader's changes are held as suggestions. */
  held: boolean;
  /** Waiting suggestions, oldest first (moderators only). */
  queue: SuggestionView[];
  /** Open flags, oldest first (moderators only). */
  flags: FlagView[];
  /** The reader's own suggestions, newest first. */
  mine: SuggestionView[];
  /** Cards the reader has flagged. */
  myFlags: string[];
  /** For managers: the people who could be made moderators, and who are. */
  people: { id: string; name: string; moderator: boolean }[];
};
