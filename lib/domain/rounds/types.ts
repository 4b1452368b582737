import { z } from 'zod';
import { ZId } from '../op-schemas';

/**
 * A practice round on a map, as the browser and the server share it: the
 * flow's entries, the clocks, and the ops that change them. A flow entry is
 * a short note of one thing said in one speech: new, or answering an earlier
 * entry (placed beside it, with the relation it carries), and possibly linked
 * to a node of the map. An entry with a team is that team's private note.
 */

export const FLOW_RELATIONS = ['ATTACKS', 'SUPPORTS', 'UNDERCUTS'] as const;
export type FlowRelation = (typeof FLOW_RELATIONS)[number];
export const MAX_ENTRY_LENGTH = 500;

export type FlowEntry = {
  id: string;
  /** Index of the speech (in the round's format) the entry was said in. */
  speech: number;
  /** The entry it answers, or null for an argument first made here. */
  answersId: string | null;
  /** How it answers: null exactly when answersId is null. */
  relation: FlowRelation | null;
  /** The map node it stands for, if linked. */
  nodeId: string | null;
  text: string;
  /** Set for a team's private note: only that team sees it, and it is no argument (no dropped/extended). */
  teamId: string | null;
  authorId: string | null;
  /** Order within a column: ISO time the entry was first written. */
  createdAt: string;
  version: number;
};

const ZEntryText = z
  .string()
  .trim()
  .min(1, 'Write something first')
  .max(MAX_ENTRY_LENGTH, `Keep a flow entry under ${MAX_ENTRY_LENGTH} characters`);

const ZAddEntry = z
  .object({
    type: z.literal('addEntry'),
    id: ZId,
    speech: z.number().int().min(0).max(29),
    answersId: ZId.nullable().default(null),
    relation: z.enum(FLOW_RELATIONS).nullable().default(null),
    nodeId: ZId.nullable().default(null),
    text: ZEntryText,
    /** A private note of this team (the author must be on it). */
    teamId: ZId.nullable().default(null),
  })
  .refine((op) => (op.answersId === null) === (op.relation === null), {
    message:
      'A response says how it answers (attacks, supports or undercuts); a new argument does not',
  });
const ZEditEntry = z.object({
  type: z.literal('editEntry'),
  id: ZId,
  text: ZEntryText.optional(),
  nodeId: ZId.nullable().optional(),
  relation: z.enum(FLOW_RELATIONS).optional(),
  baseVersion: z.number().int().positive(),
});
const ZDeleteEntry = z.object({ type: z.literal('deleteEntry'), id: ZId });

/** The clock commands: the chair (a chair judge), the map's owner or the class's teacher gives them. */
const ZClockOp = z.object({
  type: z.literal('clock'),
  action: z.enum(['start', 'pause', 'reset', 'goto', 'prepStart', 'prepStop']),
  /** For goto: the speech to move to. */
  speech: z.number().int().min(0).max(29).optional(),
  /** For prepStart: the side whose prep clock runs. */
  side: z.enum(['FOR', 'AGAINST']).optional(),
});

export const ZRoundOp = z.union([ZAddEntry, ZEditEntry, ZDeleteEntry, ZClockOp]);
export type TRoundOp = z.output<typeof ZRoundOp>;
export type TRoundOpInput = z.input<typeof ZRoundOp>;

/**
 * The clocks of a round, as stored and streamed. Running clocks carry the
 * server time they started at; a page shows `elapsed + (now - since)` with
 * its offset to the server's clock, so every screen counts the same.
 */
export type ClockState = {
  /** The speech now up (index into the format's speeches). */
  speech: number;
  /** Milliseconds the current speech has run before `since`. */
  elapsedMs: number;
  /** Server epoch ms the speech clock was started, or null while stopped. */
  since: number | null;
  /** Prep used by each side (ms) before its `prepSince`, and the running prep clock if any. */
  prepUsedMs: { FOR: number; AGAINST: number };
  prepRunning: { side: 'FOR' | 'AGAINST'; since: number } | null;
};

export const INITIAL_CLOCK: ClockState = {
  speech: 0,
  elapsedMs: 0,
  since: null,
  prepUsedMs: { FOR: 0, AGAINST: 0 },
  prepRunning: null,
};
