import { meanImpacts, type VotesView } from '../votes';

/**
 * Weighing What stands by a team's ratings: which teams a reader may weigh
 * by, and the weights (semantics.ts, `weightedLabelling`). Only from what
 * the server sent this reader (lib/server/votes/get-votes.ts), so the
 * privacy of votes is the votes view's: the owner chooses any team of the
 * map; a student on a team has only their own team's tallies (never
 * another team's), and under guided voting only for the claims they have
 * rated themselves. A team with nothing this reader may see is offered
 * disabled, with the reason.
 */

export type WeighChoice = {
  teamId: string;
  /** How the control and the legend name it: the team's name, or "my team". */
  name: string;
  /** Why it cannot be chosen now; null when it can. */
  reason: string | null;
};

/** The teams this reader may weigh What stands by, in the map's order. */
export function weighChoices(view: VotesView | null): WeighChoice[] {
  if (!view) return [];
  if (view.manages)
    return view.teams.map((t) => ({
      teamId: t.teamId,
      name: t.name,
      reason: t.tallies.length > 0 ? null : `${t.name} has rated no claim yet.`,
    }));
  const team = view.myTeam;
  if (!team) return [];
  const reason =
    view.blind && view.mine.length === 0
      ? 'Guided voting: rate a claim first. You see your team’s ratings only on the claims you have rated.'
      : team.tallies.length > 0
        ? null
        : view.blind
          ? 'Your team has not rated any of the claims you have rated yet.'
          : 'Your team has rated no claim yet.';
  return [{ teamId: team.teamId, name: 'my team', reason }];
}

/**
 * The weights of the team chosen (node id → the team's mean impact over
 * every perspective), or null when there is no such choice for this reader
 * now (none made, not theirs to make, or disabled): What stands is then
 * unweighted.
 */
export function teamWeights(
  view: VotesView | null,
  teamId: string | null,
): { name: string; weights: Map<string, number> } | null {
  if (!view || !teamId) return null;
  const choice = weighChoices(view).find((c) => c.teamId === teamId && c.reason === null);
  if (!choice) return null;
  const team = view.manages ? view.teams.find((t) => t.teamId === teamId) : view.myTeam;
  return team ? { name: choice.name, weights: meanImpacts(team.tallies) } : null;
}
