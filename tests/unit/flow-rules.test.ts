import { describe, expect, it } from 'vitest';
import { flowMarks, layoutFlow } from '@/lib/domain/rounds/flow';
import { entry, O1, O2, O3, OR, P1, P2, P3, policy, PR, ws } from './flow-fixtures';

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
