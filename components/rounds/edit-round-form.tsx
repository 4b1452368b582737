'use client';

import { useCallback, useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import type { FormAction, FormState } from '@/lib/domain/form-state';
import { carryOver, sentLineUp, type LineUpDraft } from '@/lib/domain/rounds/line-up-draft';
import type { RoundLineUpView, RoundView } from '@/lib/domain/rounds/views';
import { RoundLineUpFields } from './new-round-form';

/** The line-up a live view shows, and its version. */
const shownOf = (round: RoundView, lineUp: RoundLineUpView): LineUpDraft & { version: string } => ({
  version: lineUp.version,
  motion: round.motion,
  seats: Object.fromEntries(round.seats.map((s) => [s.position, s.team.id])),
  judges: lineUp.judgeIds,
  chairId: lineUp.chairId,
});

const listed = (words: string[]) =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

/**
 * Corrects a round after it was made: the motion, the team on each bench,
 * the judges and the chair, with the new-round form's fields. The format
 * stays (the flow is written in its speeches). Once a ballot is released,
 * the benches and the judges show but do not change.
 *
 * A save carries the version of the line-up the form was opened on. If
 * someone else corrected the round meanwhile, the server refuses it
 * (STALE_VERSION) and writes nothing; the form then shows the round as it
 * is now (the page's live view, read again) with the writer's own changes
 * carried over onto it (`carryOver`: what they changed keeps their value,
 * what they left alone shows the other person's), and says which, so a
 * second save makes them knowingly and nothing is lost unseen.
 */
export function EditRoundForm({
  round,
  lineUp,
  action,
  onDone,
  onStale,
}: {
  round: RoundView;
  lineUp: RoundLineUpView;
  action: FormAction;
  onDone: (notice: string | undefined) => void;
  /** A save was refused as stale: the page reads the round again. */
  onStale: () => void;
}) {
  /** The line-up the fields started from, and the version a save sends. */
  const [opened, setOpened] = useState(() => shownOf(round, lineUp));
  /** What the fields show when (re)made: the opened line-up, or a refused save carried over. */
  const [draft, setDraft] = useState<LineUpDraft>(opened);
  /** A save refused as stale, waiting for the round as it is now. */
  const [refused, setRefused] = useState<LineUpDraft | null>(null);
  /** After a refusal: which of the writer's changes the form kept. */
  const [kept, setKept] = useState<{ words: string[]; motionNow: string | null } | null>(null);

  // The round as it is now has arrived: the form shows it, the writer's changes carried over.
  if (refused && lineUp.version !== opened.version) {
    const now = shownOf(round, lineUp);
    const carried = carryOver(opened, refused, now, {
      format: round.format,
      locked: lineUp.locked,
    });
    setOpened(now);
    setDraft(carried.draft);
    setRefused(null);
    setKept({
      words: carried.kept,
      motionNow:
        carried.kept.includes('the motion') && now.motion !== opened.motion ? now.motion : null,
    });
  }

  // After the form is put back as sent: the page reads the round again, and the form waits for it.
  const onRefused = useCallback(
    (answer: FormState) => {
      if (answer.code !== 'STALE_VERSION') return;
      setRefused(sentLineUp(answer.chosen));
      setKept(null);
      onStale();
    },
    [onStale],
  );

  return (
    <ActionForm
      action={action}
      submitLabel="Save round"
      pendingLabel="Saving…"
      label={`Edit round ${round.number}`}
      onDone={onDone}
      onRefused={onRefused}
    >
      <input type="hidden" name="mapId" value={round.map.id} />
      <input type="hidden" name="roundId" value={round.id} />
      <input type="hidden" name="version" value={opened.version} />
      <p className="field__hint">
        Format: {round.format.name} (it stays: the flow is written in its speeches).
      </p>
      <RoundLineUpFields
        key={opened.version}
        format={round.format}
        formatKey={round.format.key}
        motion={draft.motion}
        teams={lineUp.teams}
        people={lineUp.people}
        seats={draft.seats}
        judges={draft.judges}
        chairId={draft.chairId}
        locked={lineUp.locked}
      />
      {/* Beside the save button and the refusal: where the decision is made. */}
      {kept && (
        <p className="field__hint" role="status">
          The form now shows round {round.number} as it is now
          {kept.words.length
            ? `, with your own changes put back on it: ${listed(kept.words)}. Save again to make them, or Cancel to leave the round as it is.`
            : '; nothing you changed differs from it.'}
          {kept.motionNow && ` The motion now reads “${kept.motionNow}”; yours is in the field.`}
        </p>
      )}
      {lineUp.version !== opened.version && !refused && (
        <p className="field__hint" role="status">
          Someone else changed this round since you opened the form (above, as it is now). If you
          save, nothing is written yet: the form takes their change in, keeps yours, and you save
          again.
        </p>
      )}
    </ActionForm>
  );
}
