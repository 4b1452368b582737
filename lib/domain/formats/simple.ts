import type { FormatInput } from './schema';

/**
 * A short classroom debate: the first speaker of each side opens, the second
 * rebuts and closes (closings in reverse order, so For has the last word).
 */
export const simple = {
  key: 'simple',
  name: 'Simple classroom debate',
  description:
    'Two pairs, one for and one against, each give a three-minute opening, a two-minute rebuttal and a two-minute closing, with two minutes of prep a side and a warning thirty seconds before time.',
  positions: [
    { key: 'for', name: 'For', side: 'FOR' },
    { key: 'against', name: 'Against', side: 'AGAINST' },
  ],
  speakersPerTeam: 2,
  speeches: [
    {
      key: 'for-opening',
      name: 'For Opening',
      short: 'For open',
      kind: 'constructive',
      position: 'for',
      speaker: 1,
      seconds: 180,
    },
    {
      key: 'against-opening',
      name: 'Against Opening',
      short: 'Ag. open',
      kind: 'constructive',
      position: 'against',
      speaker: 1,
      seconds: 180,
    },
    {
      key: 'for-rebuttal',
      name: 'For Rebuttal',
      short: 'For rebut',
      kind: 'rebuttal',
      position: 'for',
      speaker: 2,
      seconds: 120,
    },
    {
      key: 'against-rebuttal',
      name: 'Against Rebuttal',
      short: 'Ag. rebut',
      kind: 'rebuttal',
      position: 'against',
      speaker: 2,
      seconds: 120,
    },
    {
      key: 'against-closing',
      name: 'Against Closing',
      short: 'Ag. close',
      kind: 'summary',
      position: 'against',
      speaker: 2,
      seconds: 120,
    },
    {
      key: 'for-closing',
      name: 'For Closing',
      short: 'For close',
      kind: 'summary',
      position: 'for',
      speaker: 2,
      seconds: 120,
    },
  ],
  prep: { kind: 'per-side', seconds: 2 * 60 },
  warningSeconds: 30,
  ballot: {
    decision: 'winner',
    speakerPoints: { min: 1, max: 10, step: 1 },
    lowPointWins: false,
  },
} satisfies FormatInput;
