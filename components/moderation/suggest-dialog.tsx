'use client';

import { useEffect, useRef, useState } from 'react';
import { ownKeys } from '@/lib/client/shortcuts';
import type { ModerationRefusal } from '@/lib/client/use-moderation';
import { duplicatesOf } from '@/lib/domain/moderation/duplicates';
import type { GraphState, TOp } from '@/lib/domain/ops';
import { KIND_WITH_ARTICLE, type NodeKind } from '@/lib/domain/types';
import dialogStyles from '../map/dialog.module.css';
import styles from './moderation.module.css';

/**
 * Wording a new card on a map that holds this writer's changes: the words in a box
 * that has the focus (Enter sends, Shift+Enter is a new line, Escape
 * cancels). A new claim that reads like a card already on the map is
 * offered that card first (`duplicatesOf`, as for a card written straight
 * onto the map): going to it sends nothing; "Suggest mine anyway" sends it.
 */
export function SuggestDialog({
  ops,
  view,
  onSend,
  onClose,
  onGoTo,
}: {
  /** The new card's ops as the editor made them (its placeholder words replaced by the writer's). */
  ops: TOp[];
  view: GraphState;
  onSend: (text: string) => Promise<ModerationRefusal | null>;
  onClose: () => void;
  onGoTo: (nodeId: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const created = ops.find((op) => op.type === 'createNode');
  const nodeKind: NodeKind = created?.kind ?? 'CLAIM';
  const edge = ops.find((op) => op.type === 'createEdge');
  const parent = edge ? view.nodes.get(edge.toId) : undefined;
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<{ id: string; text: string }[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const send = async (checked: boolean) => {
    const words = text.trim();
    if (!words || sending) return;
    if (!checked) {
      const similar = duplicatesOf(view, '', nodeKind, words);
      if (similar.length > 0) return setMatches(similar);
    }
    setSending(true);
    const refusal = await onSend(words);
    setSending(false);
    if (refusal) setProblem(refusal.message);
    else onClose();
  };
  const what = `Suggest ${KIND_WITH_ARTICLE[nodeKind]}`;

  return (
    <dialog
      ref={dialog}
      className={dialogStyles.dialog}
      aria-labelledby="suggest-title"
      onCancel={(event) => {
        event.preventDefault();
        if (matches) setMatches(null);
        else onClose();
      }}
    >
      <h2 id="suggest-title">{what}</h2>
      <p className={styles.hint}>
        A moderator approves it before it is on the map. You can follow it in Review, under My
        suggestions.
      </p>
      {parent && <p className={styles.meta}>Answering “{parent.text}”</p>}
      {matches ? (
        <section aria-labelledby="suggest-similar" className={styles.section}>
          <h3 id="suggest-similar" className={styles.heading}>
            Already on the map?
          </h3>
          <p className={styles.text}>You wrote: {text}</p>
          <ul className={styles.list} aria-label="Cards already on the map">
            {matches.map((match, index) => (
              <li key={match.id} className={styles.item}>
                <p className={styles.text}>{match.text}</p>
                <div className={styles.actions}>
                  <button
                    type="button"
                    className="button"
                    autoFocus={index === 0}
                    onClick={() => {
                      onGoTo(match.id);
                      onClose();
                    }}
                  >
                    Go to this card
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <button type="button" className="button button--quiet" onClick={() => void send(true)}>
              Suggest mine anyway
            </button>
          </div>
        </section>
      ) : (
        <form
          className={styles.section}
          onSubmit={(event) => {
            event.preventDefault();
            void send(false);
          }}
        >
          <label className={styles.field}>
            Your words
            <textarea
              autoFocus
              rows={4}
              maxLength={2000}
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  void send(false);
                }
              }}
              {...ownKeys}
            />
          </label>
          {problem && <p role="alert">{problem}</p>}
          <div className={styles.actions}>
            <button type="submit" className="button" disabled={!text.trim() || sending}>
              Suggest
            </button>
            <button type="button" className="button button--quiet" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
