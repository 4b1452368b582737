import { z } from 'zod';
import { MAX_RANGES, ZCardMarks, ZMarkRange } from './evidence/card';
import { ZCqAnswer, ZSchemeId, ZSchemeName } from './reasoning/answers';
import { ZId } from './id';
import { MAX_SECTIONS, ZSection, ZSectionTitle } from './sections';
import { ZNodeTags, ZTag, ZTagColour } from './tags';
import { NODE_KINDS, RELATIONS, SIDES } from './types';

/** The zod schema of every graph op, and of the values they carry. */

export { ZId };

export const MAX_TEXT_LENGTH = 5000;

export const ZNodeKind = z.enum(NODE_KINDS, {
  message: `The kind must be one of ${NODE_KINDS.join(', ')}`,
});
export const ZRelation = z.enum(RELATIONS, {
  message: `The relation must be one of ${RELATIONS.join(', ')}`,
});
export const ZSide = z.enum(SIDES, { message: `The side must be one of ${SIDES.join(', ')}` });
export const ZText = z
  .string()
  .trim()
  .min(1, 'The text cannot be empty')
  .max(MAX_TEXT_LENGTH, `The text cannot be longer than ${MAX_TEXT_LENGTH} characters`);
const ZCoordinate = z.number().finite().min(-1e7).max(1e7);
const ZVersion = z.number().int().positive();

export const ZAnchor = z
  .object({
    sourceId: ZId,
    exact: z.string().min(1).max(MAX_TEXT_LENGTH),
    prefix: z.string().max(64),
    suffix: z.string().max(64),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((a) => a.end > a.start && a.end - a.start === a.exact.length, {
    message: 'The anchor offsets do not match the length of its quote',
  });

const ZCreateNodeOp = z.object({
  type: z.literal('createNode'),
  id: ZId,
  kind: ZNodeKind,
  text: ZText,
  side: ZSide.default('NEUTRAL'),
  x: ZCoordinate,
  y: ZCoordinate,
  anchor: ZAnchor.nullable().default(null),
  card: ZCardMarks.nullable().default(null),
  /** Absent: none. */
  tags: ZNodeTags.optional(),
});
const ZNodeFields = z.object({
  text: ZText.optional(),
  kind: ZNodeKind.optional(),
  side: ZSide.optional(),
  anchor: ZAnchor.nullable().optional(),
  /** Cut as a card (marks), or not a card (null); marking a card's words is `markCard`. */
  card: ZCardMarks.nullable().optional(),
  /** The node's whole tag list after the edit (lib/domain/tags.ts); does not bump the version. */
  tags: ZNodeTags.optional(),
  /** The section the node is put in, or null to take it out of its section; does not bump the version. */
  section: ZId.nullable().optional(),
});
const ZEdgeFields = z.object({
  fromId: ZId.optional(),
  toId: ZId.optional(),
  relation: ZRelation.optional(),
  groupId: ZId.nullable().optional(),
  /** Tags a support's argument with a scheme (every edge of a linked group is tagged alike), or untags it. */
  scheme: ZSchemeId.nullable().optional(),
  /**
   * The imported file's scheme name (GraphEdge.schemeName): undo restores
   * it; setting `scheme` or `relation` clears it when this is absent.
   */
  schemeName: ZSchemeName.nullable().optional(),
  answers: ZCqAnswer.nullable().optional(),
});
const changesSomething = (fields: Record<string, unknown>) =>
  Object.values(fields).some((v) => v !== undefined);

/**
 * An edit is checked one of two ways: `baseVersion` (the version the editor
 * saw: any change since is a conflict) or `expect` (the values the fields
 * must still hold). Undo uses `expect`, because undo is itself an edit: a
 * user undoing several of their own edits in a row must not trip over the
 * versions their earlier undos produced, while anyone else's change in
 * between still makes the undo stale.
 */
const ZUpdateNodeOp = ZNodeFields.extend({
  type: z.literal('updateNode'),
  id: ZId,
  baseVersion: ZVersion.optional(),
  expect: ZNodeFields.optional(),
})
  .refine(
    (op) =>
      changesSomething({
        text: op.text,
        kind: op.kind,
        side: op.side,
        anchor: op.anchor,
        card: op.card,
        tags: op.tags,
        section: op.section,
      }),
    { message: 'An update must change the text, kind, side, anchor, card, tags or section' },
  )
  .refine((op) => (op.baseVersion === undefined) !== (op.expect === undefined), {
    message: 'An update needs either the version it was based on or the values it expects',
  });
/**
 * Marks (`on`) or unmarks a range of a card's passage on one layer, merged
 * into the card's marks as they are when it applies: two people marking one
 * card at once both keep their marks (lib/domain/evidence/card.ts,
 * applyMark). An unmark may `keep` parts of its range marked: that is how
 * undo puts a range back exactly as it was.
 */
const ZMarkCardOp = z.object({
  type: z.literal('markCard'),
  id: ZId,
  layer: z.enum(['underline', 'highlight'], { message: 'The layer is underline or highlight' }),
  range: ZMarkRange,
  on: z.boolean(),
  keep: z.array(ZMarkRange).max(MAX_RANGES).optional(),
});
const ZMoveNodesOp = z.object({
  type: z.literal('moveNodes'),
  moves: z
    .array(z.object({ id: ZId, x: ZCoordinate, y: ZCoordinate }))
    .min(1)
    .max(5000),
});
const ZDeleteNodeOp = z.object({ type: z.literal('deleteNode'), id: ZId });
const ZRestoreNodeOp = z.object({
  type: z.literal('restoreNode'),
  id: ZId,
  edgeIds: z.array(ZId).max(5000),
});
const ZCreateEdgeOp = z.object({
  type: z.literal('createEdge'),
  id: ZId,
  fromId: ZId,
  toId: ZId,
  relation: ZRelation,
  groupId: ZId.nullable().default(null),
  /** Absent: null (a support untagged; an attack answering no critical question). */
  scheme: ZSchemeId.nullable().optional(),
  answers: ZCqAnswer.nullable().optional(),
});
const ZUpdateEdgeOp = ZEdgeFields.extend({
  type: z.literal('updateEdge'),
  id: ZId,
  baseVersion: ZVersion.optional(),
  expect: ZEdgeFields.optional(),
})
  .refine(
    (op) =>
      changesSomething({
        fromId: op.fromId,
        toId: op.toId,
        relation: op.relation,
        groupId: op.groupId,
        scheme: op.scheme,
        schemeName: op.schemeName,
        answers: op.answers,
      }),
    {
      message:
        'An update must change an end, the relation, the group, the scheme or the question it answers',
    },
  )
  .refine((op) => (op.baseVersion === undefined) !== (op.expect === undefined), {
    message: 'An update needs either the version it was based on or the values it expects',
  });
const ZDeleteEdgeOp = z.object({ type: z.literal('deleteEdge'), id: ZId });
const ZRestoreEdgeOp = z.object({ type: z.literal('restoreEdge'), id: ZId });

/**
 * Section ops (lib/domain/sections.ts). A new section goes after its
 * parent's last subsection (or last, at the top level), a level below its
 * parent. A rename expects the title the editor saw. Deleting a section
 * deletes its subsections too and takes their cards out of them (the
 * cards stay on the map); `restoreSections`, its undo, puts the sections
 * back at `index` of the list and each of `cards` back in its section
 * (unless someone put it in another since; a card no longer on the map
 * is passed over).
 */
const ZCreateSectionOp = z.object({
  type: z.literal('createSection'),
  id: ZId,
  title: ZSectionTitle,
  parentId: ZId.nullable().default(null),
});
const ZRenameSectionOp = z.object({
  type: z.literal('renameSection'),
  id: ZId,
  title: ZSectionTitle,
  expect: z.object({ title: ZSectionTitle }),
});
const ZDeleteSectionOp = z.object({ type: z.literal('deleteSection'), id: ZId });
const ZRestoreSectionsOp = z.object({
  type: z.literal('restoreSections'),
  sections: z.array(ZSection).min(1).max(MAX_SECTIONS),
  index: z.number().int().nonnegative(),
  cards: z
    .array(z.object({ id: ZId, section: ZId }))
    .max(20_000)
    .default([]),
});
/**
 * Sets the colour of a tag for the whole map (lib/domain/tags.ts), or
 * removes it (null: the default chip). `expect` is the colour the editor
 * saw (null: none): a colour someone else set since is not overwritten.
 */
const ZSetTagColorOp = z.object({
  type: z.literal('setTagColor'),
  tag: ZTag,
  colour: ZTagColour.nullable(),
  expect: ZTagColour.nullable(),
});

export const ZOp = z.discriminatedUnion('type', [
  ZCreateNodeOp,
  ZUpdateNodeOp,
  ZMarkCardOp,
  ZMoveNodesOp,
  ZDeleteNodeOp,
  ZRestoreNodeOp,
  ZCreateEdgeOp,
  ZUpdateEdgeOp,
  ZDeleteEdgeOp,
  ZRestoreEdgeOp,
  ZCreateSectionOp,
  ZRenameSectionOp,
  ZDeleteSectionOp,
  ZRestoreSectionsOp,
  ZSetTagColorOp,
]);
export type TOp = z.infer<typeof ZOp>;
/** An op as written by a client, before zod fills defaults.
 * What a client sends, before defaults (tests and the server build requests with it).
 */
export type TOpInput = z.input<typeof ZOp>;
