import type { RoundView } from '@/lib/domain/rounds/views';

/** A bench of the round by key: its name, side and the team on it. */
export function benchOf(round: RoundView, position: string) {
  const bench = round.format.positions.find((p) => p.key === position);
  const seat = round.seats.find((s) => s.position === position);
  return {
    name: bench?.name ?? position,
    side: bench?.side ?? 'FOR',
    team: seat?.team.name ?? null,
    color: seat?.team.color ?? null,
  };
}

/** The bench a speech belongs to. */
export function benchOfSpeech(round: RoundView, speech: number) {
  return benchOf(round, round.format.speeches[speech]?.position ?? '');
}
