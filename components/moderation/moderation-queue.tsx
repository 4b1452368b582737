'use client';

import { useState } from 'react';
import { keyScope, ownKeys, useShortcuts } from '@/lib/client/shortcuts';
import type { Moderation, ModerationRefusal } from '@/lib/client/use-moderation';
import { hasWords, type SuggestionView } from '@/lib/domain/moderation/suggestions';
import { KIND_LABELS, KIND_WITH_ARTICLE, RELATION_LABELS, type NodeKind } from '@/lib/domain/types';
import styles from './moderation.module.css';

const SCOPE = 'moderation';

/** What the moderator is doing to the current suggestion: nothing yet, editing its text, or giving a reason. */
type Mode = { kind: 'idle' } | { kind: 'edit'; text: string } | { kind: 'decline'; reason: string };

/**
 * The waiting suggestions, oldest first, decided one keystroke each while
 * the focus is in the queue: A approves, E edits the text (Enter approves
 * it, Escape cancels), D declines (asks a reason, Enter confirms), J/K or
 * the arrows move. The keys are scoped shortcuts (lib/client/shortcuts.ts),
 * so they never fire while a field has the focus, and a button does each.
 */
export function ModerationQueue({
  moderation,
  onJump,
}: {
  moderation: Moderation;
  onJump: (nodeId: string) => void;
}) {
  const queue = moderation.view?.queue ?? [];
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [problem, setProblem] = useState<ModerationRefusal | null>(null);
  const index = Math.max(
    0,
    queue.findIndex((s) => s.id === currentId),
  );
  const current: SuggestionView | undefined = queue[index];

  const move = (by: number) => {
    if (queue.length === 0) return;
    setCurrentId(queue[(index + by + queue.length) % queue.length]!.id);
    setMode({ kind: 'idle' });
  };
  const decide = async (run: () => Promise<ModerationRefusal | null>) => {
    const refusal = await run();
    setProblem(refusal);
    if (!refusal) setMode({ kind: 'idle' });
    document.getElementById('moderation-queue')?.focus();
  };
  // A suggestion that can no longer be applied is only declined (the server refuses approving it too).
  const approve = (text?: string) =>
    current &&
    current.kind !== 'unreadable' &&
    decide(() => moderation.decide(current.id, { action: 'approve', text }));
  const decline = (reason: string) =>
    current && decide(() => moderation.decide(current.id, { action: 'decline', reason }));

  useShortcuts([
    { key: 'a', scope: SCOPE, run: () => void approve() },
    {
      key: 'e',
      scope: SCOPE,
      run: () => current && hasWords(current.kind) && setMode({ kind: 'edit', text: current.text }),
    },
    { key: 'd', scope: SCOPE, run: () => current && setMode({ kind: 'decline', reason: '' }) },
    { key: ['j', 'ArrowDown'], scope: SCOPE, run: () => move(1) },
    { key: ['k', 'ArrowUp'], scope: SCOPE, run: () => move(-1) },
  ]);

  if (queue.length === 0)
    return (
      <p className={styles.hint} role="status">
        Nothing is waiting for approval.
      </p>
    );
  return (
    <div
      id="moderation-queue"
      className={styles.queue}
      tabIndex={0}
      role="group"
      aria-label="Suggestions waiting for approval. A approve, E edit, D decline, J and K move."
      {...keyScope(SCOPE)}
    >
      {problem && (
        <p className={styles.hint} role="alert">
          {problem.message}
        </p>
      )}
      <ol className={styles.list}>
        {queue.map((s) => {
          const isCurrent = s.id === current?.id;
          return (
            <li
              key={s.id}
              className={styles.item}
              aria-current={isCurrent}
              onClick={() => setCurrentId(s.id)}
            >
              <SuggestionSummary suggestion={s} onJump={onJump} />
              {isCurrent && mode.kind === 'edit' && (
                <label className={styles.field}>
                  Approve with this text (Enter approves, Escape cancels)
                  <textarea
                    autoFocus
                    rows={3}
                    value={mode.text}
                    onChange={(event) => setMode({ kind: 'edit', text: event.target.value })}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' && !event.shiftKey) {
                        event.preventDefault();
                        if (mode.text.trim()) void approve(mode.text.trim());
                      } else if (event.key === 'Escape') {
                        event.preventDefault();
                        setMode({ kind: 'idle' });
                        document.getElementById('moderation-queue')?.focus();
                      }
                    }}
                    {...ownKeys}
                  />
                </label>
              )}
              {isCurrent && mode.kind === 'decline' && (
                <label className={styles.field}>
                  Why is it declined? (Enter declines, Escape cancels)
                  <input
                    autoFocus
                    value={mode.reason}
                    maxLength={500}
                    onChange={(event) => setMode({ kind: 'decline', reason: event.target.value })}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') {
                        event.preventDefault();
                        if (mode.reason.trim()) void decline(mode.reason.trim());
                      } else if (event.key === 'Escape') {
                        event.preventDefault();
                        setMode({ kind: 'idle' });
                        document.getElementById('moderation-queue')?.focus();
                      }
                    }}
                  />
                </label>
              )}
              {isCurrent && (
                <div className={styles.actions}>
                  {s.kind !== 'unreadable' && (
                    <button
                      type="button"
                      className="button"
                      aria-keyshortcuts="A"
                      onClick={() =>
                        void (mode.kind === 'edit' ? approve(mode.text.trim()) : approve())
                      }
                    >
                      Approve<kbd className={styles.key}>A</kbd>
                    </button>
                  )}
                  {hasWords(s.kind) && (
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-keyshortcuts="E"
                      onClick={() => setMode({ kind: 'edit', text: s.text })}
                    >
                      Edit<kbd className={styles.key}>E</kbd>
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-keyshortcuts="D"
                    onClick={() =>
                      mode.kind === 'decline' && mode.reason.trim()
                        ? void decline(mode.reason.trim())
                        : setMode({ kind: 'decline', reason: '' })
                    }
                  >
                    Decline<kbd className={styles.key}>D</kbd>
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/**
 * Who suggested what, in words read at a glance: a new card answering
 * which card, new words (before and after), connecting “A” → supports →
 * “B”, making “…” a rebuttal, deleting “…”. Each card named is a button
 * that goes to it. A waiting suggestion today's rules no longer read says
 * it can no longer be applied, and why; once decided, that its details can
 * no longer be shown, and why, beside the words it stored.
 */
export function SuggestionSummary({
  suggestion: s,
  onJump,
  own = false,
}: {
  suggestion: SuggestionView;
  onJump: (nodeId: string) => void;
  /** The reader's own suggestion ("You suggested…"). */
  own?: boolean;
}) {
  const who = own ? 'You suggested' : `${s.author.name} suggests`;
  const kind = s.nodeKind as NodeKind | null;
  const card = (id: string, text: string) => (
    <button type="button" className={`link-button ${styles.mention}`} onClick={() => onJump(id)}>
      “{clip(text)}”
    </button>
  );
  // Once decided it is only history: its stored words, and why nothing more of it can be shown.
  if (s.kind === 'unreadable')
    return (
      <>
        <span className={styles.meta}>
          {who} a change
          {s.status !== 'WAITING' &&
            ` (details can no longer be shown: ${s.problem.replace(/\.$/, '')})`}
        </span>
        {s.text && <Words before={s.beforeText} text={s.text} />}
        {s.status === 'WAITING' && (
          <p
            className={styles.unreadable}
            role="note"
            aria-label="This suggestion can no longer be applied"
          >
            This suggestion can no longer be applied. {s.problem}{' '}
            {own
              ? 'Withdraw it, and suggest the change again if you still want it.'
              : 'Decline it with a reason.'}
          </p>
        )}
      </>
    );
  if (s.kind === 'connect' && s.parent)
    return (
      <span className={styles.meta}>
        {who} connecting {card(s.nodeId, s.text)} <span aria-hidden="true">→</span>{' '}
        {s.relation ? RELATION_LABELS[s.relation] : 'to'} <span aria-hidden="true">→</span>{' '}
        {card(s.parent.id, s.parent.text)}
      </span>
    );
  if (s.kind === 'rekind' && kind)
    return (
      <span className={styles.meta}>
        {who} making {card(s.nodeId, s.text)} {KIND_WITH_ARTICLE[kind]}
      </span>
    );
  if (s.kind === 'delete')
    return (
      <span className={styles.meta}>
        {who} deleting {card(s.nodeId, s.text)}
      </span>
    );
  return (
    <>
      <span className={styles.meta}>
        {s.kind === 'new'
          ? `${who} a new ${kind ? KIND_LABELS[kind].toLowerCase() : 'card'}`
          : `${who} new words`}
        {s.parent && <> answering {card(s.parent.id, s.parent.text)}</>}
      </span>
      <Words before={s.beforeText} text={s.text} />
    </>
  );
}

/** Suggested words, after the words they replace when there were some (an edit). */
function Words({ before, text }: { before: string | null; text: string }) {
  return (
    <>
      {before !== null && (
        <p className={styles.before}>
          <span className="visually-hidden">Before: </span>
          {before}
        </p>
      )}
      <p className={styles.text}>
        {before !== null && <span className="visually-hidden">After: </span>}
        {text}
      </p>
    </>
  );
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
