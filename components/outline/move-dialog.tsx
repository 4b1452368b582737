'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { KIND_LABELS, type GraphNode } from '@/lib/domain/types';
import styles from '../map/connect-dialog.module.css';
import dialogStyles from '../map/dialog.module.css';

type Props = {
  node: GraphNode;
  /** The nodes it may go under (not itself, nor what rests on it). */
  targets: GraphNode[];
  onMove: (toId: string) => void;
  onClose: () => void;
};

const MAX_MATCHES = 8;
const short = (text: string, length = 90) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

/**
 * "Move under…": re-parenting without dragging (WCAG 2.2 SC 2.5.7). Type a
 * few words of the new parent and press Enter (the first match), or choose
 * it from the list.
 */
export function MoveDialog({ node, targets, onMove, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const listId = useId();
  const titleId = useId();
  useEffect(() => {
    // As in ConnectDialog: no close() on cleanup, the dialog leaves the top layer when removed.
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    search.current?.focus();
  }, []);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return targets
      .filter((n) => words.every((w) => n.text.toLowerCase().includes(w)))
      .slice(0, MAX_MATCHES);
  }, [targets, query]);

  return (
    <dialog
      ref={dialog}
      className={`${dialogStyles.dialog} ${styles.dialog}`}
      aria-labelledby={titleId}
      onClose={(event) => {
        if (!event.currentTarget.open) onClose();
      }}
    >
      <h2 id={titleId}>Move “{short(node.text, 60)}” under…</h2>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (matches[0]) onMove(matches[0].id);
        }}
      >
        <label className="field">
          <span>the node that says</span>
          <input
            ref={search}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Type a few words of it"
            aria-controls={listId}
          />
        </label>
        <ul id={listId} className={styles.matches} aria-label="Possible new places">
          {matches.length === 0 && (
            <li className={styles.empty}>No node it could go under says that.</li>
          )}
          {matches.map((n) => (
            <li key={n.id}>
              <button type="button" className={styles.match} onClick={() => onMove(n.id)}>
                <span className={styles.kind}>{KIND_LABELS[n.kind]}</span> {short(n.text)}
              </button>
            </li>
          ))}
        </ul>
        <div className={styles.actions}>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
