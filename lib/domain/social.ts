import type { Anonymity } from './anonymity';
import { z } from 'zod';
import { ZCardMarks, type CardMarks } from './evidence/card';
import { ZId } from './ops';

/**
 * Discussion and team preparation over a map, as ops: comments (every
 * member of the map sees them) and annotations (private to one team). They
 * travel, are validated and are logged like graph ops, but never change the
 * graph; a batch of annotations belongs to exactly one team and is delivered
 * only to it.
 */

export const MAX_BODY_LENGTH = 2000;
export const MAX_TAG_LENGTH = 40;
export const PRESET_TAGS = ['rebut this', 'needs evidence', 'our strongest', 'concede'] as const;
export const ANNOTATION_KINDS = [
  'NOTE',
  'HIGHLIGHT',
  'RATING',
  'TAG',
  'ASSIGNMENT',
  'CUT',
] as const;
type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

const ZBody = z
  .string()
  .trim()
  .min(1, 'Write something first')
  .max(MAX_BODY_LENGTH, `Keep it under ${MAX_BODY_LENGTH} characters`);
/** The people a comment @mentions, by user id; each must be able to read the map. */
const ZMentions = z.array(ZId).max(20, 'Mention at most 20 people in one comment').default([]);

const ZAddComment = z
  .object({
    type: z.literal('addComment'),
    id: ZId,
    nodeId: ZId.nullable().default(null),
    edgeId: ZId.nullable().default(null),
    /** A reply: the thread's root comment. Replies take their target from it. */
    parentId: ZId.nullable().default(null),
    body: ZBody,
    mentions: ZMentions,
  })
  .refine(
    (op) =>
      op.parentId ? !op.nodeId && !op.edgeId : (op.nodeId === null) !== (op.edgeId === null),
    {
      message: 'A comment is on one node or one connection, or replies to a thread',
    },
  );
const ZEditComment = z.object({
  type: z.literal('editComment'),
  id: ZId,
  body: ZBody,
  mentions: ZMentions,
  baseVersion: z.number().int().positive(),
});
const ZDeleteComment = z.object({ type: z.literal('deleteComment'), id: ZId });
/** Brings back one's own deleted comment: what undoing a deletion (or redoing an undone comment) sends. */
const ZRestoreComment = z.object({ type: z.literal('restoreComment'), id: ZId });
const ZResolveThread = z.object({
  type: z.literal('resolveThread'),
  id: ZId,
  resolved: z.boolean(),
});

export const ZAnnotationTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('NODE'), nodeId: ZId }),
  z.object({ kind: z.literal('EDGE'), edgeId: ZId }),
  z.object({
    kind: z.literal('SOURCE'),
    sourceId: ZId,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    exact: z.string().min(1).max(5000),
  }),
]);
export type AnnotationTarget = z.infer<typeof ZAnnotationTarget>;

const ZUpsertAnnotation = z
  .object({
    type: z.literal('upsertAnnotation'),
    id: ZId,
    teamId: ZId,
    target: ZAnnotationTarget,
    kind: z.enum(ANNOTATION_KINDS, {
      message: `The annotation must be one of ${ANNOTATION_KINDS.join(', ')}`,
    }),
    body: z
      .string()
      .trim()
      .max(MAX_BODY_LENGTH, `Keep it under ${MAX_BODY_LENGTH} characters`)
      .default(''),
    rating: z
      .number()
      .int()
      .min(1, 'A rating is from 1 to 5')
      .max(5, 'A rating is from 1 to 5')
      .nullable()
      .default(null),
    tag: z
      .string()
      .trim()
      .min(1)
      .max(MAX_TAG_LENGTH, `A tag is at most ${MAX_TAG_LENGTH} characters`)
      .nullable()
      .default(null),
    assigneeId: ZId.nullable().default(null),
    /** CUT: the team's own underline and highlight of a card, over the card node's passage. */
    marks: ZCardMarks.nullable().default(null),
  })
  .refine((op) => op.kind !== 'RATING' || op.rating !== null, {
    message: 'A rating needs a number from 1 to 5',
  })
  .refine((op) => op.kind !== 'TAG' || op.tag !== null, { message: 'A tag needs its name' })
  .refine((op) => op.kind !== 'ASSIGNMENT' || op.assigneeId !== null, {
    message: 'An assignment needs a team member',
  })
  .refine((op) => op.kind !== 'NOTE' || op.body.length > 0, { message: 'Write something first' })
  .refine((op) => op.kind !== 'HIGHLIGHT' || op.target.kind === 'SOURCE', {
    message: 'Only a passage of a source can be highlighted',
  })
  .refine((op) => op.kind !== 'CUT' || (op.target.kind === 'NODE' && op.marks !== null), {
    message: 'A team’s cut is the marks of one card',
  });
const ZDeleteAnnotation = z.object({ type: z.literal('deleteAnnotation'), id: ZId });

export const ZSocialOp = z.union([
  ZAddComment,
  ZEditComment,
  ZDeleteComment,
  ZRestoreComment,
  ZResolveThread,
  ZUpsertAnnotation,
  ZDeleteAnnotation,
]);
export type TSocialOp = z.infer<typeof ZSocialOp>;
export type TSocialOpInput = z.input<typeof ZSocialOp>;

export const isAnnotationOp = (op: TSocialOp) =>
  op.type === 'upsertAnnotation' || op.type === 'deleteAnnotation';

/**
 * Where a change was written, and so where it is undone: the discussion
 * (comments) or the team notes. A batch is one or the other, never both.
 */
export type SocialArea = 'comments' | 'notes';
export const SOCIAL_AREAS: readonly SocialArea[] = ['comments', 'notes'];
export const areaOf = (ops: readonly Pick<TSocialOp, 'type'>[]): SocialArea =>
  ops.some((op) => op.type === 'upsertAnnotation' || op.type === 'deleteAnnotation')
    ? 'notes'
    : 'comments';

/** What readers see of the discussion and the team layers. */
export type CommentView = {
  id: string;
  nodeId: string | null;
  edgeId: string | null;
  parentId: string | null;
  authorId: string | null;
  authorName: string;
  authorColor: string;
  body: string;
  /** User ids of the people the comment @mentions. */
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  version: number;
  resolved: boolean;
  /**
   * Deleted by its author while replies to it remain: shown as "Comment
   * deleted" above them, with no body, mentions or author.
   */
  deleted: boolean;
};

export type AnnotationView = {
  id: string;
  teamId: string;
  target: AnnotationTarget;
  kind: AnnotationKind;
  body: string;
  rating: number | null;
  tag: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  /** CUT: the team's own marks of the card. */
  marks: CardMarks | null;
  authorName: string;
  updatedAt: string;
};

export type TeamLayer = {
  teamId: string;
  name: string;
  color: string;
  side: string;
  mine: boolean;
  annotations: AnnotationView[];
};

/** Everything social a reader may see on a map: all comments, and only the team layers they are allowed. */
export type SocialView = {
  /** The op log's position this view is at least as new as (changes after it come on the stream). */
  seq: number;
  /** The reader's user id (their own comments can be edited), or null. */
  viewerId: string | null;
  comments: CommentView[];
  layers: TeamLayer[];
  /** People the reader can @mention: everyone who can read the map (empty for readers who cannot comment). */
  people: { id: string; name: string; realName?: string }[];
  /** The reader's own team on this map, if any, and its members (for assignments). */
  myTeam: { id: string; members: { id: string; name: string }[] } | null;
  /**
   * Teams of this map the reader wrote notes in but is no longer on, and how
   * many: the notes stay with that team. Absent or empty: none.
   */
  notesElsewhere?: { teamId: string; name: string; count: number }[];
  layersRevealed: boolean;
  /** Anonymous mode, or null when the map is not anonymous. */
  anonymity?: Anonymity | null;
  canComment: boolean;
  /** The owner may show any team's layer and reveal them all. */
  canSeeAllLayers: boolean;
  /**
   * The reader's own undo and redo steps, of comments and of notes apart
   * (each is undone where it was written), rebuilt from the op log: only
   * when asked for (a page's first load), not on the refetches the stream
   * triggers.
   */
  history?: Record<SocialArea, SocialHistory>;
};

/** A rebuilt social undo step: `at` is its batch's time (the database's clock), `seq` its place in the log. */
type SocialHistoryEntry = { key: string; ops: TSocialOpInput[]; at?: number; seq?: number };
export type SocialHistory = { undo: SocialHistoryEntry[]; redo: SocialHistoryEntry[] };

/** Rating differences between two teams' layers: the claims they disagree on most first. */
export function ratingDisagreements(
  a: TeamLayer,
  b: TeamLayer,
): { nodeId: string; a: number; b: number }[] {
  const rated = (layer: TeamLayer) =>
    new Map(
      layer.annotations
        .filter((x) => x.kind === 'RATING' && x.target.kind === 'NODE')
        .map((x) => [(x.target as { nodeId: string }).nodeId, x.rating!]),
    );
  const ra = rated(a);
  const rb = rated(b);
  return [...ra]
    .filter(([id]) => rb.has(id))
    .map(([nodeId, r]) => ({ nodeId, a: r, b: rb.get(nodeId)! }))
    .sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b) || x.nodeId.localeCompare(y.nodeId));
}

export type SocialBefore = {
  comments: readonly Pick<CommentView, 'id' | 'body' | 'mentions'>[];
  layers: readonly {
    annotations: readonly (Pick<
      AnnotationView,
      'id' | 'teamId' | 'target' | 'kind' | 'body' | 'rating' | 'tag' | 'assigneeId'
    > & { marks?: CardMarks | null })[];
  }[];
};

/**
 * The op that undoes `op`, given what the reader saw before it (their social
 * view), or null when it cannot be undone (an edit of a comment that is gone).
 * An edit's undo restores the previous text at the version the edit made; a
 * deletion's undo brings the comment back, and so does redoing an undone one.
 */
export function invertSocialOp(view: SocialBefore, op: TSocialOp): TSocialOpInput | null {
  switch (op.type) {
    case 'addComment':
      return { type: 'deleteComment', id: op.id };
    case 'editComment': {
      const before = view.comments.find((c) => c.id === op.id);
      return before
        ? {
            type: 'editComment',
            id: op.id,
            body: before.body,
            mentions: before.mentions,
            baseVersion: op.baseVersion + 1,
          }
        : null;
    }
    case 'deleteComment':
      return { type: 'restoreComment', id: op.id };
    case 'restoreComment':
      return { type: 'deleteComment', id: op.id };
    case 'resolveThread':
      return { type: 'resolveThread', id: op.id, resolved: !op.resolved };
    case 'upsertAnnotation':
    case 'deleteAnnotation': {
      const before = view.layers.flatMap((l) => l.annotations).find((a) => a.id === op.id);
      if (!before)
        return op.type === 'upsertAnnotation' ? { type: 'deleteAnnotation', id: op.id } : null;
      return {
        type: 'upsertAnnotation',
        id: before.id,
        teamId: before.teamId,
        target: before.target,
        kind: before.kind,
        body: before.body,
        rating: before.rating,
        tag: before.tag,
        assigneeId: before.assigneeId,
        marks: before.marks ?? null,
      };
    }
  }
}

/**
 * What one social batch changed, as the stream carries it to the readers
 * allowed to see it: comments and notes as they are now, and the ids of
 * those deleted. Each entry is the whole item, so applying a change twice,
 * or over a view that already has it, gives the same view.
 */
export type SocialChanges = {
  comments: CommentView[];
  removedComments: string[];
  annotations: AnnotationView[];
  removedAnnotations: string[];
};

/**
 * A view with one batch's changes in place, or null when the view cannot
 * take them (a note of a team layer the view does not hold): then the
 * reader refetches the view instead.
 */
export function applySocialChanges(view: SocialView, changes: SocialChanges): SocialView | null {
  // Changed items stay where they were (comments keep the order they were made in); new ones go last.
  const replaceAll = <T extends { id: string }>(items: T[], changed: T[], removed: string[]) => {
    const byId = new Map(changed.map((c) => [c.id, c]));
    const gone = new Set(removed);
    const had = new Set(items.map((item) => item.id));
    return [
      ...items.flatMap((item) => (gone.has(item.id) ? [] : [byId.get(item.id) ?? item])),
      ...changed.filter((c) => !had.has(c.id) && !gone.has(c.id)),
    ];
  };
  const teams = new Set(view.layers.map((l) => l.teamId));
  if (changes.annotations.some((a) => !teams.has(a.teamId))) return null;
  const removedNotes = new Set(changes.removedAnnotations);
  return {
    ...view,
    comments: replaceAll(view.comments, changes.comments, changes.removedComments),
    layers:
      changes.annotations.length === 0 && removedNotes.size === 0
        ? view.layers
        : view.layers.map((layer) => ({
            ...layer,
            annotations: replaceAll(
              layer.annotations,
              changes.annotations.filter((a) => a.teamId === layer.teamId),
              changes.removedAnnotations,
            ),
          })),
  };
}
