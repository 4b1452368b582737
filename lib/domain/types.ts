import type { SectionsView } from './sections';
import type { CardMarks } from './evidence/card';
import type { HistoryEntry } from './history';
import type { CitationStyle } from './evidence/citation';
import type { SourceFormat } from './evidence/source-draft';
import type { TagColors } from './tags';

/**
 * The argument graph as the domain sees it: plain data, no React, Next,
 * Prisma or @xyflow types, so the same code runs in the browser, on the
 * server and in unit tests.
 */

export const NODE_KINDS = [
  'CLAIM',
  'PREMISE',
  'OBJECTION',
  'REBUTTAL',
  'EVIDENCE',
  'QUESTION',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/**
 * CONTRADICTS joins two statements that cannot both be true. It has no
 * direction: A >< B is B >< A (its fromId/toId order means nothing), and it
 * attacks both ways. See `isSymmetric` and op-checks for its invariants.
 */
export const RELATIONS = ['SUPPORTS', 'ATTACKS', 'UNDERCUTS', 'REPHRASES', 'CONTRADICTS'] as const;
export type Relation = (typeof RELATIONS)[number];

export const SIDES = ['FOR', 'AGAINST', 'NEUTRAL'] as const;

/**
 * The most characters a source's text may hold (a long article is 60,000):
 * one limit for pasting, uploading and restoring a backup, stated where
 * sources are added.
 */
export const MAX_SOURCE_CHARS = 200_000;
export type Side = (typeof SIDES)[number];

/** W3C Web Annotation TextQuoteSelector + TextPositionSelector, flattened. */
export type Anchor = {
  sourceId: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** UTF-16 offsets into the source text, end exclusive. */
  start: number;
  end: number;
};

export type GraphNode = {
  id: string;
  kind: NodeKind;
  text: string;
  side: Side;
  x: number;
  y: number;
  version: number;
  anchor: Anchor | null;
  /** An evidence node cut as a card: its passage's marks (lib/domain/evidence/card.ts); null when it is not a card. */
  card: CardMarks | null;
  /** Its tags (Argdown's #tags), normalised as lib/domain/tags.ts says; [] when it has none. */
  tags: string[];
};

/**
 * What an attack answers: a critical question (`question`, of the scheme
 * `scheme`, lib/domain/reasoning/schemes.ts) of the argument `argument`
 * (its key, lib/domain/reasoning/arguments.ts).
 */
export type CqAnswer = { argument: string; scheme: string; question: string };

export type GraphEdge = {
  id: string;
  fromId: string;
  toId: string;
  relation: Relation;
  /** Shared by the premises of one linked argument. */
  groupId: string | null;
  /**
   * A SUPPORTS edge: the argumentation scheme its argument is tagged with
   * (lib/domain/reasoning/schemes.ts; every edge of a linked group carries
   * the same); null when untagged.
   */
  scheme: string | null;
  /**
   * The scheme name of the AIF file the connection was imported from, when
   * no catalogue scheme says it (a name outside the catalogue, a conflict's
   * or a rephrase's scheme, a variant spelling); AIF export writes it back.
   * Setting the argument's scheme, or changing the relation, clears it.
   * Null: none.
   */
  schemeName: string | null;
  /** An attack made to answer a critical question: which one (lib/domain/reasoning/critical-questions.ts). */
  answers: CqAnswer | null;
  version: number;
};

export type SourceDoc = {
  id: string;
  title: string;
  /** Authors separated by semicolons, each "Last, First" or "First Last". */
  author: string;
  /** What makes the authors worth quoting; '' when not given. */
  qualifications: string;
  publisher: string;
  /** YYYY-MM-DD, or null. */
  publishedOn: string | null;
  url: string | null;
  /** YYYY-MM-DD: when the web page was read; null when not given. */
  accessedOn: string | null;
  format: SourceFormat;
  side: Side;
  text: string;
  /** Where each page begins in `text` (PDF sources); [] when the source has no pages. */
  pageStarts: number[];
  /** The printed label of each page, same length as pageStarts; [] means 1, 2, 3…. */
  pageLabels: string[];
};

type TeamSummary = { id: string; name: string; color: string; side: Side };

/** Everything needed to draw a map: the snapshot a client starts from. */
export type MapSnapshot = {
  id: string;
  title: string;
  motion: string;
  description: string;
  seq: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  sources: SourceDoc[];
  /** How the map's class cites its sources (DEBATE for a map outside a class). */
  citationStyle: CitationStyle;
  /** The colours of the map's tags (lib/domain/tags.ts); {} when none are set. */
  tagColors: TagColors;
  teams: TeamSummary[];
  /** Whether the reader of this snapshot may edit the map. */
  canEdit: boolean;
  /** Whether the reader owns the map (teams, share links). */
  canManage: boolean;
  /**
   * The reader's own undo and redo steps on this map, rebuilt from the op
   * log: only for the editor's page (reading the log is the costly part of a
   * snapshot, and briefs, exports and stream resyncs do not need it).
   */
  history?: { undo: HistoryEntry[]; redo: HistoryEntry[] };
  /**
   * Who the op log records as the author of the reader's batches (their
   * user id; null for a share-link visitor), so the editor's page knows its
   * own batches when the stream brings them back. Sent with `history`.
   */
  actorId?: string | null;
  /**
   * The map's sections and which node is in which (lib/domain/sections.ts),
   * when it has any: the canvas frames them, the outline heads with them.
   */
  sectionsView?: SectionsView;
};

export const KIND_LABELS: Record<NodeKind, string> = {
  CLAIM: 'Claim',
  PREMISE: 'Premise',
  OBJECTION: 'Objection',
  REBUTTAL: 'Rebuttal',
  EVIDENCE: 'Evidence',
  QUESTION: 'Question',
};

/** A kind as a sentence names one card of it: "an objection", "evidence". */
export const KIND_WITH_ARTICLE: Record<NodeKind, string> = {
  CLAIM: 'a claim',
  PREMISE: 'a premise',
  OBJECTION: 'an objection',
  REBUTTAL: 'a rebuttal',
  EVIDENCE: 'evidence',
  QUESTION: 'a question',
};

export const RELATION_LABELS: Record<Relation, string> = {
  SUPPORTS: 'supports',
  ATTACKS: 'attacks',
  UNDERCUTS: 'undercuts',
  REPHRASES: 'rephrases',
  CONTRADICTS: 'contradicts',
};

export const SIDE_LABELS: Record<Side, string> = {
  FOR: 'For the motion',
  AGAINST: 'Against the motion',
  NEUTRAL: 'Neutral',
};
