import type { Format } from '../formats/schema';

/** A round's line-up as the edit form shows it and sends it (real ids). */
export type LineUpDraft = {
  motion: string;
  /** The team on each bench: position key → team id. */
  seats: Record<string, string>;
  judges: string[];
  chairId: string | null;
};

/** What an edit form sent, from the values a refused form action hands back (`FormState.chosen`). */
export function sentLineUp(chosen: Record<string, string[]> | undefined): LineUpDraft {
  const seats: Record<string, string> = {};
  for (const [name, values] of Object.entries(chosen ?? {}))
    if (name.startsWith('seat:') && values[0]) seats[name.slice(5)] = values[0];
  return {
    motion: chosen?.motion?.[0] ?? '',
    seats,
    judges: chosen?.judge ?? [],
    chairId: chosen?.chair?.[0] || null,
  };
}

/**
 * A correction refused because someone else changed the round meanwhile,
 * carried over onto the round as it is now: each thing the writer changed
 * from what they had opened (`opened`) keeps their value; everything they
 * left alone shows the round as it is now (`now`), their co-teacher's
 * change included. Judges merge as the writer's additions and removals
 * applied to today's judges. With `locked` (a ballot was released
 * meanwhile) the benches and judges stay as they are now. Answers the
 * form's new values and, in words, which of the writer's changes were
 * kept (bench names, "the motion", "the judges", "the chair").
 */
export function carryOver(
  opened: LineUpDraft,
  sent: LineUpDraft,
  now: LineUpDraft,
  { format, locked }: { format: Pick<Format, 'positions'>; locked: boolean },
): { draft: LineUpDraft; kept: string[] } {
  const kept: string[] = [];
  const motionChanged = sent.motion.trim() !== opened.motion.trim();
  if (motionChanged && sent.motion.trim() !== now.motion.trim()) kept.push('the motion');
  const seats: Record<string, string> = { ...now.seats };
  let judges = now.judges;
  if (!locked) {
    for (const bench of format.positions) {
      const mine = sent.seats[bench.key];
      if (mine && mine !== opened.seats[bench.key]) {
        seats[bench.key] = mine;
        if (mine !== now.seats[bench.key]) kept.push(bench.name);
      }
    }
    const added = sent.judges.filter((id) => !opened.judges.includes(id));
    const removed = new Set(opened.judges.filter((id) => !sent.judges.includes(id)));
    judges = [
      ...now.judges.filter((id) => !removed.has(id)),
      ...added.filter((id) => !now.judges.includes(id)),
    ];
    if (judges.length !== now.judges.length || judges.some((id) => !now.judges.includes(id)))
      kept.push('the judges');
  }
  const chairChanged = sent.chairId !== opened.chairId && sent.chairId !== null;
  const chairId =
    chairChanged && judges.includes(sent.chairId!)
      ? sent.chairId
      : now.chairId && judges.includes(now.chairId)
        ? now.chairId
        : (judges[0] ?? null);
  if (chairChanged && chairId === sent.chairId && chairId !== now.chairId) kept.push('the chair');
  return {
    draft: { motion: motionChanged ? sent.motion : now.motion, seats, judges, chairId },
    kept,
  };
}
