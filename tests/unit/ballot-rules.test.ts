import { describe, expect, it } from 'vitest';
import { presetByKey } from '@/lib/domain/formats';
import { ballotProblem, scoreSlots, ZBallotInput } from '@/lib/domain/rounds/ballot';

const ws = presetByKey('world-schools')!;
const bp = presetByKey('british-parliamentary')!;
const ballot = (b: unknown) => ZBallotInput.parse(b);
const all = (points: (position: string, speaker: number) => number) =>
  scoreSlots(ws).map((s) => ({
    position: s.position,
    speaker: s.speaker,
    points: points(s.position, s.speaker),
  }));

describe('ballot rules', () => {
  it('gives each speaker points once', () => {
    const twice = [
      { position: 'prop', speaker: 1, points: 70 },
      { position: 'prop', speaker: 1, points: 75 },
    ];
    expect(
      ballotProblem(ws, ballot({ decision: { winner: 'prop' }, scores: twice, reason: 'r' }), {
        final: true,
      }),
    ).toBe('Each speaker gets points once.');
  });

  it('tells a low-point win only once every speaker has points', () => {
    // Only the loser scored so far: not yet a low-point win.
    const partial = [{ position: 'opp', speaker: 1, points: 75 }];
    expect(
      ballotProblem(ws, ballot({ decision: { winner: 'prop' }, scores: partial, reason: 'r' }), {
        final: true,
      }),
    ).toBeNull();
    const low = all((position, speaker) => (speaker === 0 ? 35 : position === 'prop' ? 65 : 75));
    expect(
      ballotProblem(ws, ballot({ decision: { winner: 'prop' }, scores: low, reason: 'r' }), {
        final: true,
      }),
    ).toBe('This format allows no low-point win.');
    const fair = all((position, speaker) => (speaker === 0 ? 35 : position === 'prop' ? 75 : 65));
    expect(
      ballotProblem(ws, ballot({ decision: { winner: 'prop' }, scores: fair, reason: 'r' }), {
        final: true,
      }),
    ).toBeNull();
  });

  it('ranks only the benches of the round, each once', () => {
    const ranks = { og: 1, oo: 2, cg: 3, co: 4 };
    expect(
      ballotProblem(bp, ballot({ decision: { ranks }, reason: 'r' }), { final: true }),
    ).toBeNull();
    expect(
      ballotProblem(bp, ballot({ decision: { ranks: { ...ranks, prop: 1 } }, reason: 'r' }), {
        final: true,
      }),
    ).toBe('Rank only the benches of this round.');
    expect(
      ballotProblem(bp, ballot({ decision: { ranks: { ...ranks, co: 3 } }, reason: 'r' }), {
        final: true,
      }),
    ).toBe('Give each bench a different rank, 1 to 4.');
  });

  it('needs a decision and a reason to be released, not to be saved', () => {
    expect(ballotProblem(ws, ballot({ decision: {} }), { final: false })).toBeNull();
    expect(ballotProblem(ws, ballot({ decision: {} }), { final: true })).toBe('Choose the winner.');
    expect(ballotProblem(ws, ballot({ decision: { winner: 'opp' } }), { final: true })).toBe(
      'Write the reason for your decision.',
    );
  });
});
