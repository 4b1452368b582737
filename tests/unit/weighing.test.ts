import { describe, expect, it } from 'vitest';
import { teamWeights, weighChoices } from '@/lib/domain/reasoning/weighing';
import type { Tally, VotesView } from '@/lib/domain/votes';

const tally = (nodeId: string, counts: Tally['counts'], perspective = 'self'): Tally => ({
  nodeId,
  perspective,
  counts,
});
const team = (teamId: string, name: string, tallies: Tally[]) => ({
  teamId,
  name,
  color: '#dc2626',
  tallies,
});
const view = (overrides: Partial<VotesView>): VotesView => ({
  blind: true,
  manages: false,
  canVote: true,
  perspectives: [],
  mine: [],
  tallies: [],
  teams: [],
  myTeam: null,
  ...overrides,
});

describe('weighing What stands by a team’s ratings', () => {
  it('offers a student on a team their own team only, and its mean impacts as weights', () => {
    const student = view({
      blind: false,
      myTeam: team('red', 'Red', [
        tally('a', [0, 0, 0, 1, 1]),
        tally('a', [0, 0, 1, 0, 0], 'lay'),
        tally('b', [1, 0, 0, 0, 0]),
      ]),
    });
    expect(weighChoices(student)).toEqual([{ teamId: 'red', name: 'my team', reason: null }]);
    // Every perspective counted, as the impact colouring does: (3 + 4 + 2) / 3.
    expect(teamWeights(student, 'red')).toEqual({
      name: 'my team',
      weights: new Map([
        ['a', 3],
        ['b', 0],
      ]),
    });
    // Another team's id gives nothing: a student can never weigh by a team that is not theirs.
    expect(teamWeights(student, 'blue')).toBeNull();
    expect(teamWeights(student, null)).toBeNull();
  });

  it('offers nothing to a reader on no team, nor before the votes arrive', () => {
    expect(weighChoices(view({ blind: false, tallies: [tally('a', [0, 0, 0, 0, 1])] }))).toEqual(
      [],
    );
    expect(weighChoices(null)).toEqual([]);
    expect(teamWeights(null, 'red')).toBeNull();
  });

  it('under guided voting, disables the option with the reason until the student has rated a claim', () => {
    const before = view({ myTeam: team('red', 'Red', []) });
    expect(weighChoices(before)).toEqual([
      {
        teamId: 'red',
        name: 'my team',
        reason:
          'Guided voting: rate a claim first. You see your team’s ratings only on the claims you have rated.',
      },
    ]);
    expect(teamWeights(before, 'red')).toBeNull();

    // Rated, but the team has no rating on those claims (the server sends only those).
    const rated = view({
      mine: [{ nodeId: 'a', perspective: 'self', impact: 2 }],
      myTeam: team('red', 'Red', []),
    });
    expect(weighChoices(rated)[0]!.reason).toBe(
      'Your team has not rated any of the claims you have rated yet.',
    );
    const seen = view({
      mine: [{ nodeId: 'a', perspective: 'self', impact: 2 }],
      myTeam: team('red', 'Red', [tally('a', [0, 0, 1, 0, 0])]),
    });
    expect(weighChoices(seen)[0]!.reason).toBeNull();
    expect(teamWeights(seen, 'red')?.weights).toEqual(new Map([['a', 2]]));

    const open = view({ blind: false, myTeam: team('red', 'Red', []) });
    expect(weighChoices(open)[0]!.reason).toBe('Your team has rated no claim yet.');
  });

  it('lets the owner choose any team, a team without ratings disabled', () => {
    const owner = view({
      manages: true,
      teams: [team('red', 'Red', [tally('a', [0, 0, 0, 0, 2])]), team('blue', 'Blue', [])],
    });
    expect(weighChoices(owner)).toEqual([
      { teamId: 'red', name: 'Red', reason: null },
      { teamId: 'blue', name: 'Blue', reason: 'Blue has rated no claim yet.' },
    ]);
    expect(teamWeights(owner, 'red')).toEqual({ name: 'Red', weights: new Map([['a', 4]]) });
    expect(teamWeights(owner, 'blue')).toBeNull();
  });
});
