'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { LocalTime } from '@/components/ui/local-time';
import type { FormAction } from '@/lib/domain/form-state';
import styles from './join-invite.module.css';

type Props = {
  classroomId: string;
  /** ISO instant, or null when the code always works. */
  joinClosesAt: string | null;
  /** The deadline has passed (decided on the server, at the request). */
  closed: boolean;
  action: FormAction;
};

/** The date and time field's value for an instant, in the reader's own time zone. */
function localInput(iso: string | null): string {
  if (!iso) return '';
  const at = new Date(iso);
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/**
 * "Join code works until …": the teacher sets the moment after which the
 * code and link admit nobody new, or reopens joining. The field is in the
 * teacher's time zone; the browser sends the instant it means.
 */
export function JoinDeadlineForm({ classroomId, joinClosesAt, closed, action }: Props) {
  const [local, setLocal] = useState(() => localInput(joinClosesAt));
  const instant = local ? new Date(local).toISOString() : '';
  return (
    <div className={styles.deadline}>
      <p role="status" className={styles.deadlineState}>
        {joinClosesAt === null ? (
          'The join code works until you close it.'
        ) : closed ? (
          <>
            Joining closed <LocalTime value={joinClosesAt} style="dateTime" />. Nobody new can join.
          </>
        ) : (
          <>
            Join code works until <LocalTime value={joinClosesAt} style="dateTime" />.
          </>
        )}
      </p>
      <ActionForm
        action={action}
        submitLabel="Save deadline"
        pendingLabel="Saving…"
        label="Join deadline"
        keepValues
        className={styles.deadlineForm}
      >
        <input type="hidden" name="classroomId" value={classroomId} />
        <input type="hidden" name="joinClosesAt" value={instant} />
        <label className="field">
          New students can join until
          <input
            type="datetime-local"
            value={local}
            onChange={(event) => setLocal(event.currentTarget.value)}
          />
        </label>
      </ActionForm>
      {joinClosesAt !== null && (
        <ActionForm
          action={action}
          submitLabel={closed ? 'Reopen joining' : 'Remove deadline'}
          pendingLabel="Saving…"
          label="Reopen joining"
          submitClassName="button button--quiet"
        >
          <input type="hidden" name="classroomId" value={classroomId} />
          <input type="hidden" name="joinClosesAt" value="" />
        </ActionForm>
      )}
    </div>
  );
}
