import { z } from 'zod';
import type { Format } from '../formats/schema';
import { ZId } from '../op-schemas';

/**
 * A judge's practice ballot: the decision as the format has it (a winner, or
 * a ranking of four benches), points per speaker (speaker 0 is a bench's
 * reply, on the reply scale), the reason for decision, and reasons tied to
 * entries of the flow and cards of the map.
 */

export const ZBallotInput = z.object({
  decision: z.union([
    z.object({ winner: z.string().max(40) }),
    z.object({ ranks: z.record(z.string().max(40), z.number().int().min(1).max(4)) }),
    z.object({}).strict(),
  ]),
  scores: z
    .array(
      z.object({
        position: z.string().max(40),
        speaker: z.number().int().min(0).max(6),
        points: z.number().finite(),
      }),
    )
    .max(30)
    .default([]),
  reason: z
    .string()
    .trim()
    .max(5000, 'Keep the reason for decision under 5000 characters')
    .default(''),
  ties: z
    .array(
      z.object({
        text: z
          .string()
          .trim()
          .min(1, 'Write the reason')
          .max(1000, 'Keep a reason under 1000 characters'),
        entryIds: z.array(ZId).max(20).default([]),
        nodeIds: z.array(ZId).max(20).default([]),
      }),
    )
    .max(20, 'At most 20 reasons')
    .default([]),
});
export type BallotInput = z.output<typeof ZBallotInput>;
export type Decision = BallotInput['decision'];

/** The point slots of a format's ballot: each bench's speakers, and its reply when replies are scored. */
export function scoreSlots(format: Format): { position: string; speaker: number; label: string }[] {
  const slots: { position: string; speaker: number; label: string }[] = [];
  if (!format.ballot.speakerPoints) return slots;
  for (const bench of format.positions) {
    for (let speaker = 1; speaker <= format.speakersPerTeam; speaker++)
      slots.push({ position: bench.key, speaker, label: `${bench.name}, speaker ${speaker}` });
    if (format.ballot.replyPoints)
      slots.push({ position: bench.key, speaker: 0, label: `${bench.name}, reply` });
  }
  return slots;
}

/**
 * Why a ballot does not fit its format, or null. With `final` (releasing),
 * the decision and the reason must be there; scores are optional (a class
 * may judge without points) but those given must be on the format's scale.
 */
export function ballotProblem(
  format: Format,
  ballot: BallotInput,
  { final }: { final: boolean },
): string | null {
  const benches = format.positions.map((p) => p.key);
  const { decision } = ballot;
  if ('winner' in decision) {
    if (format.ballot.decision !== 'winner') return 'This format ranks the benches.';
    if (!benches.includes(decision.winner)) return 'Choose the winner.';
  } else if ('ranks' in decision) {
    if (format.ballot.decision !== 'ranks') return 'This format picks a winner.';
    if (Object.keys(decision.ranks).some((key) => !benches.includes(key)))
      return 'Rank only the benches of this round.';
    const ranks = benches.map((b) => decision.ranks[b]);
    const sorted = ranks.filter((r) => r !== undefined).toSorted();
    if (sorted.length !== benches.length || sorted.some((r, i) => r !== i + 1))
      return 'Give each bench a different rank, 1 to ' + benches.length + '.';
  } else if (final) {
    return format.ballot.decision === 'winner' ? 'Choose the winner.' : 'Rank the benches.';
  }
  const slots = scoreSlots(format);
  const scored = new Set(ballot.scores.map((s) => `${s.position}:${s.speaker}`));
  if (scored.size < ballot.scores.length) return 'Each speaker gets points once.';
  for (const score of ballot.scores) {
    const slot = slots.find((s) => s.position === score.position && s.speaker === score.speaker);
    if (!slot) return 'Points were given to a speaker this format does not have.';
    const range = score.speaker === 0 ? format.ballot.replyPoints : format.ballot.speakerPoints;
    if (!range) return 'This format gives no points.';
    const steps = (score.points - range.min) / range.step;
    if (
      score.points < range.min ||
      score.points > range.max ||
      Math.abs(steps - Math.round(steps)) > 1e-6
    )
      return `${slot.label}: points go from ${range.min} to ${range.max} in steps of ${range.step}.`;
  }
  if (final && ballot.reason.length === 0 && ballot.ties.length === 0)
    return 'Write the reason for your decision.';
  // A low-point win can be told only once every speaker has points.
  if (
    final &&
    'winner' in decision &&
    !format.ballot.lowPointWins &&
    scored.size === slots.length
  ) {
    const total = (bench: string) =>
      ballot.scores.filter((s) => s.position === bench).reduce((sum, s) => sum + s.points, 0);
    const loser = benches.find((b) => b !== decision.winner)!;
    if (total(decision.winner) < total(loser)) return 'This format allows no low-point win.';
  }
  return null;
}
