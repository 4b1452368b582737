import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZFormat, type FormatInput } from '@/lib/domain/formats/schema';
import { flowMarks, layoutFlow } from '@/lib/domain/rounds/flow';
import type { FlowEntry, FlowRelation } from '@/lib/domain/rounds/types';

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
const ws = ZFormat.parse({
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
const [P1, O1, P2, O2, P3, O3, OR, PR] = [0, 1, 2, 3, 4, 5, 6, 7];

// Policy-like, with unflowed cross-examinations: 0 1AC, 1 CX, 2 1NC, 3 CX, 4 2AC, 5 CX,
// 6 2NC, 7 CX, 8 1NR, 9 1AR, 10 2NR, 11 2AR.
const policy = ZFormat.parse({
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
function entry(
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

const cellsById = (cells: { entryId: string; column: number; row: number }[]) =>
  Object.fromEntries(cells.map((c) => [c.entryId, [c.column, c.row]]));

describe('laying out a flow', () => {
  it('puts a response beside what it answers, stacks several, and keeps each chain on one row', () => {
    const entries = [
      entry('late-new', O1, { createdAt: '2026-01-01T08:00:00.000Z' }),
      entry('a', P1),
      entry('b', P1),
      entry('a1', O1, { answers: 'a' }),
      entry('a2', O1, { answers: 'a' }),
      entry('b1', O1, { answers: 'b' }),
      entry('b1x', P2, { answers: 'b1' }),
    ];
    const layout = layoutFlow(ws, entries);
    expect(cellsById(layout.cells)).toEqual({
      a: [0, 0],
      a1: [1, 0],
      a2: [1, 1],
      // b moves down past a's second answer so b1 stays beside it.
      b: [0, 2],
      b1: [1, 2],
      b1x: [2, 2],
      // A new argument goes below the answers in its column, though written first.
      'late-new': [1, 3],
    });
    expect(layout.rows).toBe(4);
    expect(layout.columns).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('places an answer in the same speech below the entry, and an orphan as a new argument', () => {
    const entries = [
      entry('a', P1),
      entry('a-more', P1, { answers: 'a', relation: 'SUPPORTS' }),
      entry('reply', O1, { answers: 'a' }),
      entry('orphan', O1, { answers: 'deleted-entry' }),
    ];
    expect(cellsById(layoutFlow(ws, entries).cells)).toEqual({
      a: [0, 0],
      'a-more': [0, 1],
      reply: [1, 0],
      orphan: [1, 1],
    });
  });

  it('puts a cross-examination note in the column of the speech it questioned', () => {
    const entries = [
      entry('plan', 0),
      entry('cx-note', 1, { answers: 'plan' }),
      entry('offcase', 2),
    ];
    const layout = layoutFlow(policy, entries);
    expect(layout.columns).toEqual([0, 2, 4, 6, 8, 9, 10, 11]);
    expect(cellsById(layout.cells)).toEqual({
      plan: [0, 0],
      'cx-note': [0, 1],
      offcase: [1, 0],
    });
  });

  it('places entries that answer each other in a loop, once each', () => {
    const entries = [entry('x', P1, { answers: 'y' }), entry('y', O1, { answers: 'x' })];
    const layout = layoutFlow(ws, entries);
    expect(cellsById(layout.cells)).toEqual({ x: [0, 0], y: [1, 0] });
  });
});

describe('dropped arguments', () => {
  it('are not dropped before the next opposing speech is reached, and are once it passes unanswered', () => {
    const entries = [entry('a', P1)];
    expect(flowMarks(ws, entries, O1).get('a')?.dropped).toBe(false);
    expect(flowMarks(ws, entries, P2).get('a')?.dropped).toBe(true);
  });

  it('are dropped as soon as the next opposing speech has an entry that does not answer them', () => {
    const entries = [entry('a', P1), entry('other', O1)];
    expect(flowMarks(ws, entries, P1).get('a')?.dropped).toBe(true);
  });

  it('are not dropped when that speech answers them, in any way', () => {
    for (const relation of ['ATTACKS', 'SUPPORTS', 'UNDERCUTS'] as const) {
      const entries = [entry('a', P1), entry('r', O1, { answers: 'a', relation })];
      const marks = flowMarks(ws, entries, PR);
      expect(marks.get('a')).toMatchObject({ dropped: false, answeredBy: 1 });
    }
  });

  it('stay dropped when only a later speech answers them', () => {
    const entries = [entry('a', P1), entry('late', O2, { answers: 'a' })];
    expect(flowMarks(ws, entries, PR).get('a')).toMatchObject({ dropped: true, answeredBy: 1 });
  });

  it('are judged by the next opposing speech, skipping a speech of the same side (2NC, 1NR, 1AR)', () => {
    const entries = [entry('da', 6), entry('1nr', 8)];
    // The 1NR is the Negative's own: the 2NC disadvantage waits for the 1AR.
    expect(flowMarks(policy, entries, 9).get('da')?.dropped).toBe(false);
    expect(flowMarks(policy, entries, 10).get('da')?.dropped).toBe(true);
    const answered = [...entries, entry('1ar', 9, { answers: 'da' })];
    expect(flowMarks(policy, answered, 12).get('da')?.dropped).toBe(false);
  });

  it('skip the reply of the same side: third opposition waits for the proposition reply', () => {
    const entries = [entry('o3', O3), entry('or', OR)];
    expect(flowMarks(ws, entries, PR).get('o3')?.dropped).toBe(false);
    expect(flowMarks(ws, [...entries, entry('pr', PR)], PR).get('o3')?.dropped).toBe(true);
  });

  it('never drop an entry of the last speech of its side, nor of the last speech', () => {
    const entries = [entry('or', OR), entry('pr', PR), entry('2nr', 10), entry('2ar', 11)];
    for (const [format, id] of [
      [ws, 'or'],
      [ws, 'pr'],
      [policy, '2nr'],
      [policy, '2ar'],
    ] as const)
      expect(flowMarks(format, entries, 99).get(id)?.dropped).toBe(false);
  });

  it('are not decided by private notes: a team note neither answers nor reaches a speech', () => {
    const entries = [entry('a', P1), entry('note', O1, { answers: 'a', team: 'opp-team' })];
    expect(flowMarks(ws, entries, P1).get('a')).toMatchObject({ dropped: false, answeredBy: 0 });
    expect(flowMarks(ws, entries, P2).get('a')).toMatchObject({ dropped: true, answeredBy: 0 });
  });

  it('never mark a cross-examination note', () => {
    const entries = [entry('q', 1), entry('1nc', 2)];
    expect(flowMarks(policy, entries, 12).get('q')).toEqual({
      dropped: false,
      extended: false,
      turned: false,
      answeredBy: 0,
    });
  });
});

describe('extended and turned arguments', () => {
  it('are extended by a later supporting answer of their own side', () => {
    const entries = [entry('a', P1), entry('ext', P2, { answers: 'a', relation: 'SUPPORTS' })];
    expect(flowMarks(ws, entries, P3).get('a')).toMatchObject({ extended: true, turned: false });
  });

  it('are not extended by an attack of their own side, nor by a private supporting note', () => {
    const entries = [
      entry('a', P1),
      entry('self-attack', P2, { answers: 'a', relation: 'ATTACKS' }),
      entry('note', P3, { answers: 'a', relation: 'SUPPORTS', team: 'prop-team' }),
    ];
    expect(flowMarks(ws, entries, PR).get('a')?.extended).toBe(false);
  });

  it('are extended by a later entry of their side on the same map node', () => {
    const entries = [entry('a', P1, { node: 'n1' }), entry('again', P3, { node: 'n1' })];
    expect(flowMarks(ws, entries, PR).get('a')?.extended).toBe(true);
    const byOpponent = [entry('a', P1, { node: 'n1' }), entry('theirs', O2, { node: 'n1' })];
    expect(flowMarks(ws, byOpponent, PR).get('a')?.extended).toBe(false);
    const earlier = [entry('first', P1, { node: 'n1' }), entry('a', P2, { node: 'n1' })];
    expect(flowMarks(ws, earlier, PR).get('a')?.extended).toBe(false);
  });

  it('are turned when the other side answers them with support', () => {
    const entries = [entry('a', P1), entry('turn', O1, { answers: 'a', relation: 'SUPPORTS' })];
    expect(flowMarks(ws, entries, PR).get('a')).toMatchObject({
      turned: true,
      extended: false,
      dropped: false,
    });
    const attacked = [entry('a', P1), entry('no', O1, { answers: 'a', relation: 'ATTACKS' })];
    expect(flowMarks(ws, attacked, PR).get('a')?.turned).toBe(false);
  });

  it('give private notes no marks, and an answer to a deleted entry its own', () => {
    const entries = [
      entry('note', P1, { team: 'prop-team' }),
      entry('orphan', O1, { answers: 'deleted-entry' }),
    ];
    const marks = flowMarks(ws, entries, PR);
    expect([...marks.keys()]).toEqual(['orphan']);
    expect(marks.get('orphan')?.dropped).toBe(true);
  });
});

const randomFlow = fc
  .array(
    fc.record({
      speech: fc.nat({ max: 11 }),
      answer: fc.option(fc.oneof(fc.nat({ max: 40 }), fc.constant(-1)), { nil: null }),
      relation: fc.constantFrom<FlowRelation>('ATTACKS', 'SUPPORTS', 'UNDERCUTS'),
      node: fc.option(fc.constantFrom('n1', 'n2', 'n3'), { nil: null }),
      team: fc.option(fc.constantFrom('t1', 't2'), { nil: null }),
      minute: fc.nat({ max: 5 }),
    }),
    { maxLength: 30 },
  )
  .map((rows) =>
    rows.map((r, i): FlowEntry => {
      // Ops answer an entry that exists: an earlier one, or one deleted since (-1).
      const answersId =
        r.answer === null || i === 0 ? null : r.answer < 0 ? 'gone' : `e${r.answer % i}`;
      return {
        id: `e${i}`,
        speech: r.speech,
        answersId,
        relation: answersId === null ? null : r.relation,
        nodeId: r.node,
        text: 'x',
        teamId: r.team,
        authorId: null,
        createdAt: `2026-01-01T09:0${r.minute}:00.000Z`,
        version: 1,
      };
    }),
  );

describe('any flow', () => {
  it('places every entry once, on its own cell, beside or below what it answers', () => {
    fc.assert(
      fc.property(randomFlow, fc.constantFrom(ws, policy), (entries, format) => {
        const layout = layoutFlow(format, entries);
        expect(layout.cells.map((c) => c.entryId).sort()).toEqual(entries.map((e) => e.id).sort());
        const spots = new Set(layout.cells.map((c) => `${c.column}:${c.row}`));
        expect(spots.size).toBe(layout.cells.length);
        const cell = new Map(layout.cells.map((c) => [c.entryId, c]));
        const rows = layout.cells.map((c) => c.row);
        expect(layout.rows).toBe(rows.length === 0 ? 0 : Math.max(...rows) + 1);
        const flowed = (s: number) => format.speeches[s]?.flowed === true;
        for (const e of entries) {
          const parent = entries.find((p) => p.id === e.answersId);
          if (!parent) continue;
          const [mine, theirs] = [cell.get(e.id)!, cell.get(parent.id)!];
          expect(mine.row).toBeGreaterThanOrEqual(theirs.row);
          if (parent.speech < e.speech) expect(mine.column).toBeGreaterThanOrEqual(theirs.column);
          if (parent.speech < e.speech && flowed(parent.speech) && flowed(e.speech))
            expect(mine.column).toBeGreaterThan(theirs.column);
          if (parent.speech === e.speech && parent.id !== e.id)
            expect(mine.row).toBeGreaterThan(theirs.row);
        }
      }),
    );
  });

  it('keeps new arguments of a column in the order they were written', () => {
    fc.assert(
      fc.property(randomFlow, (entries) => {
        const cell = new Map(layoutFlow(ws, entries).cells.map((c) => [c.entryId, c]));
        const fresh = entries
          .filter((e) => e.answersId === null || e.answersId === 'gone')
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
        for (const [i, a] of fresh.entries())
          for (const b of fresh.slice(i + 1))
            if (a.speech === b.speech)
              expect(cell.get(a.id)!.row).toBeLessThan(cell.get(b.id)!.row);
      }),
    );
  });

  it('marks public entries only, and private notes change no one’s marks', () => {
    fc.assert(
      fc.property(randomFlow, fc.nat({ max: 12 }), (entries, reached) => {
        const marks = flowMarks(policy, entries, reached);
        const open = entries.filter((e) => e.teamId === null);
        expect([...marks.keys()].sort()).toEqual(open.map((e) => e.id).sort());
        expect(flowMarks(policy, open, reached)).toEqual(marks);
      }),
    );
  });
});
