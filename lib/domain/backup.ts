import { z } from 'zod';
import { marksOutOfRange, ZCardMarks } from './evidence/card';
import { ZAnchor, ZId, ZNodeKind, ZRelation, ZSide, ZText } from './ops';
import { ZCqAnswer, ZSchemeId, ZSchemeName } from './reasoning/answers';
import { ANNOTATION_KINDS, MAX_BODY_LENGTH, MAX_TAG_LENGTH, ZAnnotationTarget } from './social';
import { SOURCE_FORMATS } from './evidence/source-draft';
import { ARGDOWN_TITLE, MAX_TITLE_LENGTH } from './interchange';
import { ZNodeTags, ZTagColors } from './tags';
import { ZArgdownData, ZSections } from './sections';
import { MAX_SOURCE_CHARS } from './types';

/**
 * A JSON backup of a whole map: its sources, nodes (with their anchors) and
 * edges, and the exporting user's own team layer only. Restoring creates a
 * new map with new ids; nothing is merged into an existing one.
 */

export const BACKUP_FORMAT = 'counterpoint-backup';
export const BACKUP_VERSION = 1;

const ZCoordinate = z.number().finite().min(-1e7).max(1e7);

const ZCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable()
  .default(null);

/** At most this many pages in a source (a backup's pages are checked against its text). */
const MAX_PAGES = 10_000;

export const ZBackup = z.object({
  format: z.literal(BACKUP_FORMAT, {
    message: `This is not a Counterpoint backup (format must be "${BACKUP_FORMAT}")`,
  }),
  version: z.literal(BACKUP_VERSION, {
    message: `This backup's version is not supported (expected ${BACKUP_VERSION})`,
  }),
  exportedAt: z.string().max(40).optional(),
  map: z.object({
    title: z.string().trim().min(1).max(120),
    // Empty for a map imported from a file that names no motion (AIF has no place for one).
    motion: z.string().trim().max(300),
    description: z.string().max(2000).default(''),
    /** The colours of its tags, { tag: "#rrggbb" }; absent in backups made before tags. */
    tagColors: ZTagColors.default({}),
    /** The sections of the Argdown file the map came from (lib/domain/sections.ts); absent: none. */
    sections: ZSections.default([]),
    /** The Argdown frontmatter keys that are not map fields; absent: none. */
    argdownFrontmatter: ZArgdownData.nullable().default(null),
  }),
  sources: z
    .array(
      z.object({
        id: ZId,
        title: z.string().min(1).max(300),
        author: z.string().max(200),
        // The citation fields, files' formats and pages came after version 1's
        // first backups: optional, so those still restore.
        qualifications: z.string().max(1000).default(''),
        publisher: z.string().max(300).default(''),
        publishedOn: ZCalendarDate,
        accessedOn: ZCalendarDate,
        format: z.enum(SOURCE_FORMATS).default('TEXT'),
        // A web address only: the reader links to it, and a javascript: or
        // data: address would run in the page of whoever clicks it.
        url: z
          .string()
          .url()
          .max(2000)
          .refine(
            (url) => /^https?:\/\//i.test(url),
            'The address must start with http:// or https://',
          )
          .nullable()
          .default(null),
        side: ZSide,
        text: z.string().min(1).max(MAX_SOURCE_CHARS),
        pageStarts: z.array(z.number().int().min(0)).max(MAX_PAGES).default([]),
        pageLabels: z.array(z.string().max(40)).max(MAX_PAGES).default([]),
      }),
    )
    .max(20),
  nodes: z
    .array(
      z.object({
        id: ZId,
        kind: ZNodeKind,
        text: ZText,
        side: ZSide,
        x: ZCoordinate,
        y: ZCoordinate,
        anchor: ZAnchor.nullable().default(null),
        /** Absent in backups made before cards: not a card. */
        card: ZCardMarks.nullable().default(null),
        /** Its title in the Argdown file it was imported from ([Statement] or <Argument>); absent: none. */
        title: z
          .string()
          .max(MAX_TITLE_LENGTH)
          .regex(ARGDOWN_TITLE, 'An Argdown title is written [Statement] or <Argument>')
          .nullable()
          .default(null),
        /** Its tags (lib/domain/tags.ts); absent in backups made before tags. */
        tags: ZNodeTags.default([]),
        /** The id of its section in `map.sections`; absent: none. */
        section: ZId.nullable().default(null),
        /** The keys of its Argdown data block that are not ours; absent: none. */
        argdownData: ZArgdownData.nullable().default(null),
      }),
    )
    .max(5000),
  edges: z
    .array(
      z.object({
        id: ZId,
        fromId: ZId,
        toId: ZId,
        relation: ZRelation,
        groupId: ZId.nullable().default(null),
        /** Absent in backups made before schemes; one this version does not know is dropped. */
        scheme: ZSchemeId.nullable().default(null).catch(null),
        /** The imported AIF file's scheme name; absent in older backups. */
        schemeName: ZSchemeName.nullable().default(null).catch(null),
        answers: ZCqAnswer.nullable().default(null).catch(null),
      }),
    )
    .max(10_000),
  teamLayer: z
    .object({
      name: z.string().min(1).max(60),
      side: ZSide,
      annotations: z
        .array(
          z.object({
            target: ZAnnotationTarget,
            kind: z.enum(ANNOTATION_KINDS),
            body: z.string().max(MAX_BODY_LENGTH).default(''),
            rating: z.number().int().min(1).max(5).nullable().default(null),
            tag: z.string().min(1).max(MAX_TAG_LENGTH).nullable().default(null),
            /** A team's own cut of a card (CUT). */
            marks: ZCardMarks.nullable().default(null),
          }),
        )
        .max(5000),
    })
    .nullable()
    .default(null),
});
export type Backup = z.infer<typeof ZBackup>;

/** Checks what zod cannot: references between the parts, and anchors against their source text. */
export function checkBackupReferences(backup: Backup): string | null {
  const sources = new Map(backup.sources.map((s) => [s.id, s]));
  for (const [i, s] of backup.sources.entries()) {
    const problem = pagesProblem(s);
    if (problem) return `sources[${i}].${problem}`;
  }
  const nodes = new Map<string, Backup['nodes'][number]>();
  const sections = new Set(backup.map.sections.map((s) => s.id));
  for (const [i, n] of backup.nodes.entries()) {
    if (nodes.has(n.id)) return `nodes[${i}].id: "${n.id}" appears twice`;
    nodes.set(n.id, n);
    if (n.section !== null && !sections.has(n.section))
      return `nodes[${i}].section: no section "${n.section}" in this backup`;
    if (n.card) {
      if (n.kind !== 'EVIDENCE' || !n.anchor)
        return `nodes[${i}].card: only evidence that quotes a source can be a card`;
      const outside = marksOutOfRange(n.card, n.anchor.exact.length);
      if (outside) return `nodes[${i}].card: ${outside}`;
    }
    if (n.anchor) {
      const source = sources.get(n.anchor.sourceId);
      if (!source)
        return `nodes[${i}].anchor.sourceId: no source "${n.anchor.sourceId}" in this backup`;
      if (source.text.slice(n.anchor.start, n.anchor.end) !== n.anchor.exact)
        return `nodes[${i}].anchor: the quote does not match its source text`;
    }
  }
  // The rules edits keep for contradictions (op-checks.ts checkEdgeShape), so undo works on a restored map too.
  const edges = new Set<string>();
  const pairs = new Set<string>();
  for (const [i, e] of backup.edges.entries()) {
    if (edges.has(e.id)) return `edges[${i}].id: "${e.id}" appears twice`;
    edges.add(e.id);
    if (!nodes.has(e.fromId)) return `edges[${i}].fromId: no node "${e.fromId}"`;
    if (!nodes.has(e.toId)) return `edges[${i}].toId: no node "${e.toId}"`;
    if (e.fromId === e.toId) return `edges[${i}]: a node cannot be connected to itself`;
    const contradiction = e.relation === 'CONTRADICTS';
    if (contradiction && (e.groupId !== null || e.scheme !== null || e.answers !== null))
      return `edges[${i}]: a contradiction cannot be in a linked group, or have a scheme or an answer`;
    // A contradiction has no direction: A >< B and B >< A are one. (Other
    // connections may repeat a pair: an Argdown structure can give a premise
    // to one conclusion in two linked groups.)
    if (contradiction) {
      const pair = [e.fromId, e.toId].sort().join(' ');
      if (pairs.has(pair)) return `edges[${i}]: these two statements already contradict each other`;
      pairs.add(pair);
    }
  }
  for (const [i, a] of (backup.teamLayer?.annotations ?? []).entries()) {
    const t = a.target;
    if (t.kind === 'NODE' && !nodes.has(t.nodeId))
      return `teamLayer.annotations[${i}].target.nodeId: no node "${t.nodeId}"`;
    if (a.kind === 'CUT') {
      const passage = t.kind === 'NODE' ? nodes.get(t.nodeId)?.anchor?.exact : undefined;
      if (!passage || !a.marks)
        return `teamLayer.annotations[${i}]: a cut needs its marks and a node that quotes a source`;
      const outside = marksOutOfRange(a.marks, passage.length);
      if (outside) return `teamLayer.annotations[${i}].marks: ${outside}`;
    }
    if (t.kind === 'EDGE' && !edges.has(t.edgeId))
      return `teamLayer.annotations[${i}].target.edgeId: no edge "${t.edgeId}"`;
    if (t.kind === 'SOURCE' && sources.get(t.sourceId)?.text.slice(t.start, t.end) !== t.exact) {
      return `teamLayer.annotations[${i}].target: the passage does not match its source`;
    }
  }
  return null;
}

/**
 * Pages must start at 0, never go back, stay inside the text (a blank page
 * starts where the next one does), and have a label each or none at all.
 */
function pagesProblem(source: Backup['sources'][number]): string | null {
  const { pageStarts: starts, pageLabels: labels, text } = source;
  if (starts.length > 0 && starts[0] !== 0) return 'pageStarts: the first page must start at 0';
  for (let i = 1; i < starts.length; i++)
    if (starts[i]! < starts[i - 1]! || starts[i]! > text.length)
      return `pageStarts[${i}]: each page must start after the one before and inside the text`;
  if (labels.length > 0 && labels.length !== starts.length)
    return 'pageLabels: give one label for each page, or none';
  return null;
}
