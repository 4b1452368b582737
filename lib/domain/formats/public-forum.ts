import type { FormatInput } from './schema';

/**
 * Public Forum (NSDA): two teams of two. The first speakers give the
 * constructives and summaries, the second speakers the rebuttals and final
 * focuses. A coin toss decides who speaks first; this preset has Pro first.
 * A crossfire's bench is the one that asks first.
 */
export const publicForum = {
  key: 'public-forum',
  name: 'Public Forum',
  description:
    'Two teams of two argue for and against the motion in short speeches, with three-minute crossfires in which both sides question each other, and each side has three minutes of prep to use when it likes.',
  positions: [
    { key: 'pro', name: 'Pro', side: 'FOR' },
    { key: 'con', name: 'Con', side: 'AGAINST' },
  ],
  speakersPerTeam: 2,
  speeches: [
    {
      key: 'pro-constructive',
      name: 'Pro Constructive',
      short: 'Pro C',
      kind: 'constructive',
      position: 'pro',
      speaker: 1,
      seconds: 240,
    },
    {
      key: 'con-constructive',
      name: 'Con Constructive',
      short: 'Con C',
      kind: 'constructive',
      position: 'con',
      speaker: 1,
      seconds: 240,
    },
    {
      key: 'crossfire-1',
      name: 'First Crossfire',
      short: 'CF',
      kind: 'crossfire',
      position: 'pro',
      speaker: 0,
      seconds: 180,
      flowed: false,
    },
    {
      key: 'pro-rebuttal',
      name: 'Pro Rebuttal',
      short: 'Pro R',
      kind: 'rebuttal',
      position: 'pro',
      speaker: 2,
      seconds: 240,
    },
    {
      key: 'con-rebuttal',
      name: 'Con Rebuttal',
      short: 'Con R',
      kind: 'rebuttal',
      position: 'con',
      speaker: 2,
      seconds: 240,
    },
    {
      key: 'crossfire-2',
      name: 'Second Crossfire',
      short: 'CF',
      kind: 'crossfire',
      position: 'pro',
      speaker: 0,
      seconds: 180,
      flowed: false,
    },
    {
      key: 'pro-summary',
      name: 'Pro Summary',
      short: 'Pro S',
      kind: 'summary',
      position: 'pro',
      speaker: 1,
      seconds: 180,
    },
    {
      key: 'con-summary',
      name: 'Con Summary',
      short: 'Con S',
      kind: 'summary',
      position: 'con',
      speaker: 1,
      seconds: 180,
    },
    {
      key: 'grand-crossfire',
      name: 'Grand Crossfire',
      short: 'GCF',
      kind: 'crossfire',
      position: 'pro',
      speaker: 0,
      seconds: 180,
      flowed: false,
    },
    {
      key: 'pro-final-focus',
      name: 'Pro Final Focus',
      short: 'Pro FF',
      kind: 'final-focus',
      position: 'pro',
      speaker: 2,
      seconds: 120,
    },
    {
      key: 'con-final-focus',
      name: 'Con Final Focus',
      short: 'Con FF',
      kind: 'final-focus',
      position: 'con',
      speaker: 2,
      seconds: 120,
    },
  ],
  prep: { kind: 'per-side', seconds: 3 * 60 },
  ballot: {
    decision: 'winner',
    speakerPoints: { min: 25, max: 30, step: 0.5 },
    lowPointWins: true,
  },
} satisfies FormatInput;
