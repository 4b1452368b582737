import { z } from 'zod';
import { ZOp, ZText, type TOp } from '../ops';
import type { NodeKind, Relation } from '../types';

/**
 * Suggestions: while a map asks for approval, a student's change is held
 * as the very ops that approving it applies: a new card (with its
 * connection to what it answers), new words for a card, a connection
 * between two cards, a card's new kind, or deleting a card. Pure, so the
 * page and the server agree on what a suggestion may hold.
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

/** The sorts of change a suggestion may be. */
export type SuggestionKind = 'new' | 'edit' | 'connect' | 'rekind' | 'delete';

/** What a suggestion proposes, read off its ops. */
export type SuggestionShape =
  /** A new card (`nodeId`), answering `parentId` if it is connected. */
  | { kind: 'new'; nodeId: string; parentId: string | null; text: string }
  /** New words for the card `nodeId`. */
  | { kind: 'edit'; nodeId: string; parentId: null; text: string }
  /** A connection from the card `nodeId` to the card `parentId`. */
  | { kind: 'connect'; nodeId: string; parentId: string; relation: Relation }
  /** The card `nodeId` made another kind. */
  | { kind: 'rekind'; nodeId: string; parentId: null; nodeKind: NodeKind }
  /** The card `nodeId` deleted. */
  | { kind: 'delete'; nodeId: string; parentId: null };

const WHAT =
  'A suggestion is a new card, new words, a new kind or deleting one card, or a connection between two cards.';

/**
 * Checks that `ops` are one suggestion, and returns what it proposes or why
 * it cannot be one:
 * - a createNode (no quote: a quoted passage is added from the source
 *   reader by people whose changes are not held; no tags) with at most one
 *   createEdge from it;
 * - a single updateNode of the text only, or of the kind only (as the
 *   toolbar's Kind sends it);
 * - a single createEdge standing alone (no linked group, scheme or
 *   answered question), between two cards already on the map;
 * - a single deleteNode.
 */
export function suggestionShape(ops: readonly TOp[]): SuggestionShape | string {
  const [first, second] = ops;
  if (ops.length === 1 && first?.type === 'updateNode') {
    const { text, kind, side, anchor, card, tags, section } = first;
    const others = [side, anchor, card, tags, section].some((v) => v !== undefined);
    if (text !== undefined && kind === undefined && !others)
      return { kind: 'edit', nodeId: first.id, parentId: null, text };
    if (kind !== undefined && text === undefined && !others)
      return { kind: 'rekind', nodeId: first.id, parentId: null, nodeKind: kind };
    return 'A suggested edit changes the text only, or the kind only.';
  }
  if (ops.length === 1 && first?.type === 'deleteNode')
    return { kind: 'delete', nodeId: first.id, parentId: null };
  if (ops.length === 1 && first?.type === 'createEdge') {
    if (first.groupId !== null || first.scheme || first.answers)
      return 'A suggested connection joins two cards on its own: no linked group, scheme or answer.';
    return {
      kind: 'connect',
      nodeId: first.fromId,
      parentId: first.toId,
      relation: first.relation,
    };
  }
  if (first?.type !== 'createNode') return WHAT;
  if (first.anchor || first.card) return 'A suggested card cannot quote a source.';
  if (first.tags?.length) return 'A suggested card cannot have tags: a moderator adds them.';
  if (ops.length === 1) return { kind: 'new', nodeId: first.id, parentId: null, text: first.text };
  if (second?.type !== 'createEdge' || second.fromId !== first.id || second.groupId !== null)
    return 'A suggested card can only be connected to the card it answers.';
  return { kind: 'new', nodeId: first.id, parentId: second.toId, text: first.text };
}

/** The ops a stored suggestion may hold, read by today's rules. */
const ZStoredOps = z.array(ZOp).min(1).max(2);

/**
 * A stored suggestion as today's rules read it: what it proposes and its
 * ops (as `ZOp` parses them), or, when they refuse it, why. A suggestion
 * passed `suggestionShape` when it was made, but a rule tightened since, or
 * a row written by an older version, may not pass now; such a suggestion
 * can no longer be applied, only declined or withdrawn, and the queue shows
 * it with the reason instead of failing for everyone.
 */
export type StoredSuggestion =
  { readable: true; shape: SuggestionShape; ops: TOp[] } | { readable: false; reason: string };

/** Reads a stored suggestion's ops (`Suggestion.ops`, any JSON); never throws. */
export function storedSuggestion(raw: unknown): StoredSuggestion {
  const parsed = ZStoredOps.safeParse(raw);
  if (!parsed.success)
    return {
      readable: false,
      reason: 'It holds a change this version of Counterpoint cannot read.',
    };
  const shape = suggestionShape(parsed.data);
  if (typeof shape === 'string') return { readable: false, reason: shape };
  return { readable: true, shape, ops: parsed.data };
}

/** Whether a suggestion of this kind is words a moderator may reword before approving. */
export const hasWords = (kind: SuggestionKind | 'unreadable'): kind is 'new' | 'edit' =>
  kind === 'new' || kind === 'edit';

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

/**
 * A suggestion as the queue and its writer see it: one of the five shapes,
 * or `unreadable` (today's rules refuse its stored ops, `storedSuggestion`)
 * with the `problem` in words; such a one can be declined or withdrawn but
 * not approved.
 */
export type SuggestionView = SuggestionViewFields &
  ({ kind: SuggestionKind } | { kind: 'unreadable'; problem: string });

type SuggestionViewFields = {
  id: string;
  /** The new card's id, or the card edited, re-kinded, deleted or connected from. */
  nodeId: string;
  /** The new card's kind, or the kind a change of kind proposes. */
  nodeKind: string | null;
  /** The connection's relation: a new card's to what it answers, or a suggested connection's. */
  relation: Relation | null;
  author: { id: string | null; name: string };
  /** What a new card answers, or the card a suggested connection points to. */
  parent: { id: string; text: string } | null;
  /**
   * A new card's or an edit's words; for a connection, a change of kind or
   * a deletion, the words of the card it is about (`nodeId`), as they are
   * now (as they were when it was suggested, if the card is gone).
   */
  text: string;
  beforeText: string | null;
  status: SuggestionStatus;
  reason: string | null;
  createdAt: string;
  /** When it was approved, declined or withdrawn (null while it waits). */
  decidedAt: string | null;
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
