import { speechLabel } from '@/lib/domain/formats';
import type { Decision } from '@/lib/domain/rounds/ballot';
import type { RoundView } from '@/lib/domain/rounds/views';

/**
 * How a ballot's parts are named on screen, for the form and the results
 * alike: a bench with its team, a speaker with their name, and what a reason
 * can be tied to (the shared flow's entries and the map's cards).
 */

type Round = Pick<RoundView, 'format' | 'seats'>;

/** "Proposition (Team Red)", or the bench's name alone when no team sits there. */
export function benchLabel(round: Round, key: string): string {
  const name = round.format.positions.find((p) => p.key === key)?.name ?? key;
  const team = round.seats.find((s) => s.position === key)?.team.name;
  return team ? `${name} (${team})` : name;
}

/** The name of the bench's speaker (1-based), when the team lists its members; replies (0) have none. */
export function speakerName(round: Round, position: string, speaker: number): string | null {
  if (speaker < 1) return null;
  const team = round.seats.find((s) => s.position === position)?.team;
  return team?.members[speaker - 1]?.name ?? null;
}

/** The decision in words: "Proposition (Team Red) won", or the benches in rank order. */
export function decisionInWords(round: Round, decision: Decision): string | string[] {
  if ('winner' in decision) return `${benchLabel(round, decision.winner)} won`;
  if ('ranks' in decision)
    return Object.entries(decision.ranks)
      .toSorted((a, b) => a[1] - b[1])
      .map(([key]) => benchLabel(round, key));
  return 'No decision';
}

export type TieTarget = { kind: 'entry' | 'node'; id: string; label: string };

/** What a reason can point at: the flow's shared entries (not a team's private notes) and the map's cards. */
export function tieTargets(round: Pick<RoundView, 'format' | 'entries' | 'nodes'>): {
  entries: TieTarget[];
  nodes: TieTarget[];
} {
  return {
    entries: round.entries
      .filter((e) => e.teamId === null)
      .toSorted((a, b) => a.speech - b.speech || a.createdAt.localeCompare(b.createdAt))
      .map((e) => ({
        kind: 'entry',
        id: e.id,
        label: `${speechLabel(round.format, e.speech)}: ${e.text}`,
      })),
    nodes: round.nodes.map((n) => ({ kind: 'node', id: n.id, label: n.text })),
  };
}
