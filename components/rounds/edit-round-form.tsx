'use client';

import { ActionForm } from '@/components/ui/action-form';
import type { FormAction } from '@/lib/domain/form-state';
import type { RoundLineUpView, RoundView } from '@/lib/domain/rounds/views';
import { RoundLineUpFields } from './new-round-form';

/**
 * Corrects a round after it was made: the motion, the team on each bench,
 * the judges and the chair, with the new-round form's fields. The format
 * stays (the flow is written in its speeches). Once a ballot is released,
 * the benches and the judges show but do not change.
 */
export function EditRoundForm({
  round,
  lineUp,
  action,
  onDone,
}: {
  round: RoundView;
  lineUp: RoundLineUpView;
  action: FormAction;
  onDone: (notice: string | undefined) => void;
}) {
  return (
    <ActionForm
      action={action}
      submitLabel="Save round"
      pendingLabel="Saving…"
      label={`Edit round ${round.number}`}
      onDone={onDone}
    >
      <input type="hidden" name="mapId" value={round.map.id} />
      <input type="hidden" name="roundId" value={round.id} />
      <p className="field__hint">
        Format: {round.format.name} (it stays: the flow is written in its speeches).
      </p>
      <RoundLineUpFields
        format={round.format}
        formatKey={round.format.key}
        motion={round.motion}
        teams={lineUp.teams}
        people={lineUp.people}
        seats={Object.fromEntries(round.seats.map((s) => [s.position, s.team.id]))}
        judges={lineUp.judgeIds}
        chairId={lineUp.chairId}
        locked={lineUp.locked}
      />
    </ActionForm>
  );
}
