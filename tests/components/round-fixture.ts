import { presetByKey } from '@/lib/domain/formats';
import { INITIAL_CLOCK } from '@/lib/domain/rounds/types';
import type { BallotView, RoundView } from '@/lib/domain/rounds/views';

/** A practice round as the server hands it to the browser, for the ballot's component tests. */

const JUDGE = { id: 'u-judge', name: 'Jo Judge' };
export const CARD = 'Sanctions hurt civilians more than governments';

/** A World Schools round on map m-1: Team A proposes, Team B opposes, Jo judges. */
export function round(overrides: Partial<RoundView> = {}): RoundView {
  return {
    id: 'r-1',
    number: 1,
    motion: 'This house would lift the sanctions',
    map: { id: 'm-1', title: 'Sanctions' },
    format: presetByKey('world-schools')!,
    clock: INITIAL_CLOCK,
    serverNow: 0,
    seq: 0,
    seats: [
      {
        position: 'prop',
        team: {
          id: 't-a',
          name: 'Team A',
          color: '#1d4ed8',
          members: [
            { id: 'u-ada', name: 'Ada Lovelace' },
            { id: 'u-ben', name: 'Ben Ortiz' },
            { id: 'u-cleo', name: 'Cleo Park' },
          ],
        },
      },
      { position: 'opp', team: { id: 't-b', name: 'Team B', color: '#c2410c', members: [] } },
    ],
    judges: [{ ...JUDGE, chair: true }],
    entries: [
      entry({ id: 'e-shared', speech: 0, text: 'Sanctions starve the poor' }),
      entry({ id: 'e-private', speech: 0, text: 'Ask them about Cuba', teamId: 't-b' }),
    ],
    nodes: [
      { id: 'n-card', text: CARD, kind: 'CLAIM', side: 'FOR', quote: null, notes: [] },
      {
        id: 'n-other',
        text: 'Sanctions work slowly',
        kind: 'CLAIM',
        side: 'AGAINST',
        quote: null,
        notes: [],
      },
    ],
    ballots: [],
    me: {
      id: JUDGE.id,
      flow: true,
      chair: true,
      judge: true,
      manage: false,
      editMap: false,
      teams: [],
    },
    lineUp: null,
    ...overrides,
  };
}

function entry(fields: { id: string; speech: number; text: string; teamId?: string }) {
  return {
    answersId: null,
    relation: null,
    nodeId: null,
    teamId: null,
    authorId: JUDGE.id,
    createdAt: '2026-12-01T10:00:00.000Z',
    version: 1,
    ...fields,
  };
}

export function ballot(overrides: Partial<BallotView> = {}): BallotView {
  return {
    id: 'b-1',
    judge: JUDGE,
    decision: { winner: 'prop' },
    scores: [],
    reason: 'Prop carried the civilian harm.',
    ties: [],
    releasedAt: null,
    updatedAt: '2026-12-01T11:00:00.000Z',
    ...overrides,
  };
}
