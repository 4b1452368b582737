import { ZFormat, type FormatInput } from '@/lib/domain/formats/schema';
import type { FlowEntry, FlowRelation } from '@/lib/domain/rounds/types';

/** Two small formats satisfying the schema, and a maker of flow entries, for the flow's tests. */

const ballot = { decision: 'winner', speakerPoints: null } as const;
const speech = (key: string, position: string, speaker: number, flowed = true) => ({
  key,
  name: key.toUpperCase(),
  kind: 'constructive' as const,
  position,
  speaker,
  seconds: 480,
  flowed,
});
const benches = (forName: string, againstName: string): FormatInput['positions'] => [
  { key: 'for', name: forName, side: 'FOR' },
  { key: 'against', name: againstName, side: 'AGAINST' },
];

// World Schools-like: 0 P1, 1 O1, 2 P2, 3 O2, 4 P3, 5 O3, 6 OR, 7 PR.
export const ws = ZFormat.parse({
  key: 'ws-test',
  name: 'World Schools test',
  positions: benches('Proposition', 'Opposition'),
  speakersPerTeam: 3,
  speeches: [
    speech('p1', 'for', 1),
    speech('o1', 'against', 1),
    speech('p2', 'for', 2),
    speech('o2', 'against', 2),
    speech('p3', 'for', 3),
    speech('o3', 'against', 3),
    speech('or', 'against', 0),
    speech('pr', 'for', 0),
  ],
  prep: { kind: 'none' },
  ballot,
});
export const [P1, O1, P2, O2, P3, O3, OR, PR] = [0, 1, 2, 3, 4, 5, 6, 7];

// Policy-like, with unflowed cross-examinations: 0 1AC, 1 CX, 2 1NC, 3 CX, 4 2AC, 5 CX,
// 6 2NC, 7 CX, 8 1NR, 9 1AR, 10 2NR, 11 2AR.
export const policy = ZFormat.parse({
  key: 'policy-test',
  name: 'Policy test',
  positions: benches('Affirmative', 'Negative'),
  speakersPerTeam: 2,
  speeches: [
    speech('1ac', 'for', 1),
    speech('cx1', 'against', 2, false),
    speech('1nc', 'against', 1),
    speech('cx2', 'for', 1, false),
    speech('2ac', 'for', 2),
    speech('cx3', 'against', 1, false),
    speech('2nc', 'against', 2),
    speech('cx4', 'for', 2, false),
    speech('1nr', 'against', 1),
    speech('1ar', 'for', 1),
    speech('2nr', 'against', 2),
    speech('2ar', 'for', 2),
  ],
  prep: { kind: 'per-side', seconds: 480 },
  ballot,
});

let clock = 0;
export function entry(
  id: string,
  speechIndex: number,
  more: {
    answers?: string;
    relation?: FlowRelation;
    node?: string;
    team?: string;
    createdAt?: string;
  } = {},
): FlowEntry {
  clock += 1;
  return {
    id,
    speech: speechIndex,
    answersId: more.answers ?? null,
    relation: more.answers ? (more.relation ?? 'ATTACKS') : null,
    nodeId: more.node ?? null,
    text: `entry ${id}`,
    teamId: more.team ?? null,
    authorId: null,
    createdAt: more.createdAt ?? new Date(Date.UTC(2026, 0, 1, 9, 0, clock)).toISOString(),
    version: 1,
  };
}
