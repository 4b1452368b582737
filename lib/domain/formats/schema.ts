import { z } from 'zod';

/**
 * A debate format as data: who sits where, who speaks when and for how long,
 * the clocks, the points-of-information rule and what a ballot asks. The
 * built-in presets are one file each beside this one; a class's own formats
 * (a copied preset, edited by the teacher) are stored as the same JSON and
 * pass the same schema. Times are in whole seconds.
 */

const ZKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lower-case letters, digits and dashes (at most 40)');
const ZName = z.string().trim().min(1, 'Give it a name').max(80, 'Keep it under 80 characters');
const ZSeconds = z
  .number()
  .int()
  .min(0)
  .max(4 * 60 * 60);

/** A bench: one team's place in the round (Proposition; or Opening Government in BP). */
const ZPosition = z.object({
  key: ZKey,
  name: ZName,
  /** Which side of the motion the bench argues: FOR (proposition, government, affirmative, pro) or AGAINST. */
  side: z.enum(['FOR', 'AGAINST']),
});

/** Points of information during a speech: offered by the other side, refused or taken by the speaker. */
const ZPoiRule = z.object({
  allowed: z.boolean(),
  /** Seconds at the start of the speech in which no POI may be offered. */
  protectedStart: ZSeconds.default(0),
  /** Seconds at the end of the speech in which no POI may be offered. */
  protectedEnd: ZSeconds.default(0),
});

const SPEECH_KINDS = [
  'constructive',
  'rebuttal',
  'summary',
  'final-focus',
  'reply',
  'cross-examination',
  'crossfire',
] as const;

const ZSpeech = z.object({
  key: ZKey,
  /** What the speech is called on a flow or a ballot ("First Proposition", "1AC"). */
  name: ZName,
  /** A short label for the flow's column head ("P1", "1AC"); the name when absent. */
  short: z.string().trim().min(1).max(12).optional(),
  kind: z.enum(SPEECH_KINDS),
  /** The bench that speaks (in a questioning period, the bench answering; in a crossfire, the bench that asks first). */
  position: ZKey,
  /** Which of the bench's speakers gives it, 1-based; 0 when either may (replies) or the whole bench (crossfire). */
  speaker: z.number().int().min(0).max(6),
  seconds: ZSeconds.refine((s) => s > 0, 'A speech lasts at least a second'),
  pois: ZPoiRule.default({ allowed: false, protectedStart: 0, protectedEnd: 0 }),
  /** Whether the speech gets a column on the flow (questioning periods usually do not). */
  flowed: z.boolean().default(true),
});

const ZPrep = z.discriminatedUnion('kind', [
  /** No prep clock during the round. */
  z.object({ kind: z.literal('none') }),
  /** Each side has `seconds` of prep to spend between speeches, in as many pieces as it likes. */
  z.object({ kind: z.literal('per-side'), seconds: ZSeconds }),
  /** Every team prepares for `seconds` before the first speech (BP's fifteen minutes). */
  z.object({ kind: z.literal('before-round'), seconds: ZSeconds }),
]);

const ZPointsRange = z
  .object({
    min: z.number().min(0).max(1000),
    max: z.number().min(0).max(1000),
    step: z.number().positive().max(100),
  })
  .refine((r) => r.min < r.max, 'The lowest score must be below the highest');

const ZBallotRule = z.object({
  /** A winner (two benches) or a ranking of every bench, 1 = first (BP). */
  decision: z.enum(['winner', 'ranks']),
  /** Points for each speaker's speeches; null when the format gives none. */
  speakerPoints: ZPointsRange.nullable(),
  /** Points for reply speeches, on their own scale (World Schools: 30–40). */
  replyPoints: ZPointsRange.nullable().default(null),
  /** Low-point wins allowed (a winner with fewer points than the loser). */
  lowPointWins: z.boolean().default(true),
});

export const ZFormat = z
  .object({
    /** Stable id: the preset's key, or the class format's. */
    key: ZKey,
    name: ZName,
    description: z.string().trim().max(600).default(''),
    positions: z.array(ZPosition).min(2).max(4),
    speakersPerTeam: z.number().int().min(1).max(6),
    speeches: z.array(ZSpeech).min(2).max(30),
    prep: ZPrep,
    /** Seconds a speaker may run over before being cut off (a grace period), 0 for none. */
    graceSeconds: ZSeconds.default(0),
    /** Seconds before the end of a speech at which the timekeeper warns (e.g. one minute left); 0 for none. */
    warningSeconds: ZSeconds.default(0),
    ballot: ZBallotRule,
  })
  .superRefine((format, ctx) => {
    const positions = new Set(format.positions.map((p) => p.key));
    if (positions.size !== format.positions.length)
      ctx.addIssue({
        code: 'custom',
        message: 'Each bench needs its own key',
        path: ['positions'],
      });
    for (const side of ['FOR', 'AGAINST'] as const)
      if (!format.positions.some((p) => p.side === side))
        ctx.addIssue({
          code: 'custom',
          message: `A format needs a bench ${side === 'FOR' ? 'for' : 'against'} the motion`,
          path: ['positions'],
        });
    const keys = new Set<string>();
    format.speeches.forEach((speech, i) => {
      if (keys.has(speech.key))
        ctx.addIssue({
          code: 'custom',
          message: 'Each speech needs its own key',
          path: ['speeches', i, 'key'],
        });
      keys.add(speech.key);
      if (!positions.has(speech.position))
        ctx.addIssue({
          code: 'custom',
          message: 'The speech names no bench of this format',
          path: ['speeches', i, 'position'],
        });
      if (speech.speaker > format.speakersPerTeam)
        ctx.addIssue({
          code: 'custom',
          message: 'The bench has fewer speakers than that',
          path: ['speeches', i, 'speaker'],
        });
      if (speech.pois.protectedStart + speech.pois.protectedEnd > speech.seconds)
        ctx.addIssue({
          code: 'custom',
          message: 'Protected time is longer than the speech',
          path: ['speeches', i, 'pois'],
        });
    });
    if (format.ballot.decision === 'winner' && format.positions.length !== 2)
      ctx.addIssue({
        code: 'custom',
        message: 'A winner is picked between two benches; rank four',
        path: ['ballot', 'decision'],
      });
    if (!format.speeches.some((s) => s.flowed))
      ctx.addIssue({
        code: 'custom',
        message: 'At least one speech is flowed',
        path: ['speeches'],
      });
  });

export type Format = z.output<typeof ZFormat>;
/** A format as written in a preset file or sent by the editor (defaults not yet filled). */
export type FormatInput = z.input<typeof ZFormat>;
/** @internal One speech of a format (the preset tests name it). */
export type Speech = Format['speeches'][number];
