import type { FormatInput } from './schema';

/**
 * Lincoln–Douglas (NSDA): one debater a side. A cross-examination's bench is
 * the one answering: the debater who has just spoken.
 */
export const lincolnDouglas = {
  key: 'lincoln-douglas',
  name: 'Lincoln–Douglas',
  description:
    'Two debaters, one for and one against, each give a case and rebuttals and question each other after the cases, with four minutes of prep each to use when they like.',
  positions: [
    { key: 'aff', name: 'Affirmative', side: 'FOR' },
    { key: 'neg', name: 'Negative', side: 'AGAINST' },
  ],
  speakersPerTeam: 1,
  speeches: [
    {
      key: 'ac',
      name: 'Affirmative Constructive',
      short: 'AC',
      kind: 'constructive',
      position: 'aff',
      speaker: 1,
      seconds: 360,
    },
    {
      key: 'ac-cx',
      name: 'Cross-Examination of the Affirmative',
      short: 'CX',
      kind: 'cross-examination',
      position: 'aff',
      speaker: 1,
      seconds: 180,
      flowed: false,
    },
    {
      key: 'nc',
      name: 'Negative Constructive',
      short: 'NC',
      kind: 'constructive',
      position: 'neg',
      speaker: 1,
      seconds: 420,
    },
    {
      key: 'nc-cx',
      name: 'Cross-Examination of the Negative',
      short: 'CX',
      kind: 'cross-examination',
      position: 'neg',
      speaker: 1,
      seconds: 180,
      flowed: false,
    },
    {
      key: '1ar',
      name: 'First Affirmative Rebuttal',
      short: '1AR',
      kind: 'rebuttal',
      position: 'aff',
      speaker: 1,
      seconds: 240,
    },
    {
      key: 'nr',
      name: 'Negative Rebuttal',
      short: 'NR',
      kind: 'rebuttal',
      position: 'neg',
      speaker: 1,
      seconds: 360,
    },
    {
      key: '2ar',
      name: 'Second Affirmative Rebuttal',
      short: '2AR',
      kind: 'rebuttal',
      position: 'aff',
      speaker: 1,
      seconds: 180,
    },
  ],
  prep: { kind: 'per-side', seconds: 4 * 60 },
  ballot: {
    decision: 'winner',
    speakerPoints: { min: 25, max: 30, step: 0.5 },
    lowPointWins: true,
  },
} satisfies FormatInput;
