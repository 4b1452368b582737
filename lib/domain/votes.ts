import { z } from 'zod';

/**
 * Impact voting: a member rates how much a claim bears on what it answers,
 * 0 to 4 (Kialo's scale), as themselves or from a perspective. Votes are
 * keyed by the node's id, never by the graph, so no edit of the map's shape
 * touches them. A claim that answers nothing (a top claim) is rated for its
 * impact on the motion.
 */

export const IMPACT_LABELS = [
  'No impact',
  'Low impact',
  'Medium impact',
  'High impact',
  'Very high impact',
] as const;

/** The built-in perspectives; a teacher's own are 'p:' + their id. */
export const BUILT_IN_PERSPECTIVES = [
  { key: 'self', label: 'Myself' },
  { key: 'team', label: 'My team' },
  { key: 'lay', label: 'A lay judge' },
] as const;

const ZPerspectiveKey = z
  .string()
  .regex(/^(self|team|lay|p:[A-Za-z0-9_-]{1,64})$/, 'Choose one of the map’s perspectives.');

const ZImpact = z
  .number({ error: 'An impact is a whole number from 0 to 4.' })
  .int('An impact is a whole number from 0 to 4.')
  .min(0, 'An impact is a whole number from 0 to 4.')
  .max(4, 'An impact is a whole number from 0 to 4.');

/** A vote to set (impact) or clear (impact null). */
export const ZVoteInput = z
  .object({
    nodeId: z.string().min(1).max(64),
    perspective: ZPerspectiveKey,
    impact: ZImpact.nullable(),
  })
  .strict();

export const ZPerspectiveName = z
  .string()
  .trim()
  .min(1, 'Give the perspective a name.')
  .max(60, 'A perspective’s name is at most 60 characters.');

/** At most this many teacher-defined perspectives on a map. */
export const MAX_PERSPECTIVES = 12;

export type Perspective = { key: string; label: string };

/** How many votes each impact got: counts[impact]. */
export type Counts = [number, number, number, number, number];

/** The votes of one claim from one perspective. */
export type Tally = { nodeId: string; perspective: string; counts: Counts };

export type TeamTallies = { teamId: string; name: string; color: string; tallies: Tally[] };

/** What a reader may see of a map's votes (GET /api/maps/:id/votes). */
export type VotesView = {
  /** Guided voting: a claim's tallies are hidden until the reader votes on it. */
  blind: boolean;
  /** The owner: sees every tally, per team too, and changes the settings. */
  manages: boolean;
  /** May vote (signed in, commenter and up). */
  canVote: boolean;
  perspectives: Perspective[];
  /** The reader's own votes. */
  mine: { nodeId: string; perspective: string; impact: number }[];
  /** Tallies of the claims the reader may see (all of them when not blind, or for the owner). */
  tallies: Tally[];
  /** For the owner: the same, per team of the map (voters on no team are left out). */
  teams: TeamTallies[];
  /**
   * The reader's own team on the map, with its members' tallies under the
   * same rule as `tallies` (with guided voting, only the claims the reader
   * has voted on); null for a reader on no team. Never another team's.
   */
  myTeam: TeamTallies | null;
};

/** What a batch of kind 'vote' logs: which claim and perspective, never the impact. */
export type VoteChange = { nodeId: string; perspective: string };

type VoteRow = { nodeId: string; perspective: string; impact: number };

/** Counts the votes per claim and perspective. */
export function tallyVotes(votes: readonly VoteRow[]): Tally[] {
  const byKey = new Map<string, Tally>();
  for (const v of votes) {
    const key = `${v.nodeId}\n${v.perspective}`;
    let tally = byKey.get(key);
    if (!tally) {
      tally = { nodeId: v.nodeId, perspective: v.perspective, counts: [0, 0, 0, 0, 0] };
      byKey.set(key, tally);
    }
    tally.counts[v.impact] = (tally.counts[v.impact] ?? 0) + 1;
  }
  return [...byKey.values()];
}

export const totalOf = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

/** The mean impact of some counts, or null with no votes. */
export function meanImpact(counts: readonly number[]): number | null {
  const total = totalOf(counts);
  if (total === 0) return null;
  return counts.reduce((sum, n, impact) => sum + n * impact, 0) / total;
}

/** Every perspective's counts of one claim added together. */
export function countsOfNode(tallies: readonly Tally[], nodeId: string): Counts {
  const counts: Counts = [0, 0, 0, 0, 0];
  for (const t of tallies)
    if (t.nodeId === nodeId) t.counts.forEach((n, i) => (counts[i] = (counts[i] ?? 0) + n));
  return counts;
}

/** Each claim's mean impact over every perspective this reader may see. */
export function meanImpacts(tallies: readonly Tally[]): Map<string, number> {
  const nodeIds = new Set(tallies.map((t) => t.nodeId));
  const means = new Map<string, number>();
  for (const id of nodeIds) {
    const mean = meanImpact(countsOfNode(tallies, id));
    if (mean !== null) means.set(id, mean);
  }
  return means;
}
