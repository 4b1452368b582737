'use client';

import { useState } from 'react';
import type { Moderation } from '@/lib/client/use-moderation';
import type { GraphNode } from '@/lib/domain/types';
import { FlagIcon } from '../ui/icons';
import { LocalTime } from '../ui/local-time';
import { ModerationQueue, SuggestionSummary } from './moderation-queue';
import { ModerationSettings } from './moderation-settings';
import panel from '../social/panel.module.css';
import styles from './moderation.module.css';

const STATUS_WORDS = {
  WAITING: 'Waiting for approval',
  APPROVED: 'Approved',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn',
} as const;

/**
 * The side panel's Review tab: for moderators the queue and the flags; for
 * everyone their own suggestions with their status (once decided, when,
 * and a decline's reason), and flagging the selected card; for managers the settings.
 */
export function ModerationPanel({
  moderation,
  selected,
  canFlag,
  onJump,
}: {
  moderation: Moderation;
  selected: GraphNode | undefined;
  canFlag: boolean;
  onJump: (nodeId: string) => void;
}) {
  const view = moderation.view;
  if (!view) return <p className={panel.empty}>Loading…</p>;
  return (
    <div className={panel.panel}>
      {view.held && (
        <p className={styles.hint}>
          This map asks for approval: your new cards, new words, new kinds, connections and
          deletions are suggestions until a moderator approves them.
        </p>
      )}
      {view.moderator && (
        <section className={styles.section} aria-labelledby="moderation-queue-heading">
          <h2 className={styles.heading} id="moderation-queue-heading">
            Waiting for approval ({view.queue.length})
          </h2>
          <ModerationQueue moderation={moderation} onJump={onJump} />
        </section>
      )}
      {view.moderator && view.flags.length > 0 && (
        <section className={styles.section} aria-labelledby="moderation-flags-heading">
          <h2 className={styles.heading} id="moderation-flags-heading">
            Flagged cards ({view.flags.length})
          </h2>
          <ul className={styles.list}>
            {view.flags.map((flag) => (
              <li key={flag.id} className={styles.item}>
                <span className={styles.meta}>
                  <FlagIcon /> {flag.raisedBy} flagged
                  {flag.reason ? `: ${flag.reason}` : ''}
                </span>
                <p className={styles.text}>{flag.nodeText}</p>
                <div className={styles.actions}>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => onJump(flag.nodeId)}
                  >
                    Go to the card
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => void moderation.resolveFlag(flag.id, 'dismiss')}
                  >
                    Dismiss the flag
                  </button>
                  <button
                    type="button"
                    className="button button--quiet button--danger"
                    onClick={() => void moderation.resolveFlag(flag.id, 'delete')}
                  >
                    Delete the card
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {canFlag && selected && (
        <FlagSelected
          key={selected.id}
          moderation={moderation}
          node={selected}
          flagged={view.myFlags.includes(selected.id)}
        />
      )}
      {view.mine.length > 0 && (
        <section className={styles.section} aria-labelledby="my-suggestions-heading">
          <h2 className={styles.heading} id="my-suggestions-heading">
            My suggestions
          </h2>
          <ul className={styles.list}>
            {view.mine.map((s) => (
              <li key={s.id} className={styles.item}>
                <span className={styles.decision}>
                  <span className={styles.status} data-status={s.status}>
                    {STATUS_WORDS[s.status]}
                  </span>
                  {s.decidedAt && (
                    <>
                      {' '}
                      <span className={styles.meta}>
                        <LocalTime value={s.decidedAt} />
                      </span>
                    </>
                  )}
                </span>
                <SuggestionSummary suggestion={s} onJump={onJump} own />
                {s.status === 'DECLINED' && s.reason && (
                  <p className={styles.text}>Reason: {s.reason}</p>
                )}
                {s.status === 'WAITING' && (
                  <div className={styles.actions}>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => void moderation.decide(s.id, { action: 'withdraw' })}
                    >
                      Withdraw
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.manager && <ModerationSettings moderation={moderation} />}
      {!view.moderator && !view.held && view.mine.length === 0 && !(canFlag && selected) && (
        <p className={styles.hint}>Select a card to flag it for the teacher to review.</p>
      )}
    </div>
  );
}

/** Flag the selected card for review, with an optional reason; once per card. */
function FlagSelected({
  moderation,
  node,
  flagged,
}: {
  moderation: Moderation;
  node: GraphNode;
  flagged: boolean;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (flagged)
    return (
      <p className={styles.hint}>
        <FlagIcon /> You flagged this card for review.
      </p>
    );
  return (
    <form
      className={styles.section}
      aria-label="Flag the selected card"
      onSubmit={(event) => {
        event.preventDefault();
        void moderation
          .flag(node.id, reason.trim())
          .then((refusal) => setProblem(refusal?.message ?? null));
      }}
    >
      <label className={styles.field}>
        Why should a moderator look at this card? (optional)
        <input value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
      </label>
      <div className={styles.row}>
        <button type="submit" className="button button--quiet">
          <FlagIcon /> Flag for review
        </button>
      </div>
      {problem && <p role="alert">{problem}</p>}
    </form>
  );
}
