'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { GraphNode, Relation } from '@/lib/domain/types';
import styles from './connect-dialog.module.css';
import dialogStyles from './dialog.module.css';
import { RelationSelect } from './relation-select';

type Props = {
  from: GraphNode;
  nodes: GraphNode[];
  initialRelation: Relation;
  onConnect: (toId: string, relation: Relation) => void;
  onClose: () => void;
};

const MAX_MATCHES = 8;

/**
 * Connecting without a mouse: pick the relation, type a few words of the
 * other node, choose it from the list (Enter takes the first match).
 */
export function ConnectDialog({ from, nodes, initialRelation, onConnect, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [relation, setRelation] = useState<Relation>(initialRelation);
  const listId = useId();
  useEffect(() => {
    // No close() on cleanup: in development React runs this effect twice,
    // and the close event of the first run arrived after the second had
    // opened the dialog again, so onClose shut it at once ("Connect to…"
    // and K did nothing). A dialog leaves the top layer when it is removed.
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // showModal() focuses the first control, the relation select: the
    // search box's autoFocus ran while the dialog was still closed.
    search.current?.focus();
  }, []);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return nodes
      .filter((n) => n.id !== from.id && words.every((w) => n.text.toLowerCase().includes(w)))
      .slice(0, MAX_MATCHES);
  }, [nodes, from.id, query]);
  const short = (text: string, length = 90) =>
    text.length > length ? `${text.slice(0, length - 1)}…` : text;

  return (
    <dialog
      ref={dialog}
      className={`${dialogStyles.dialog} ${styles.dialog}`}
      aria-labelledby="connect-title"
      onClose={(event) => {
        // A close event that arrives after the dialog was opened again is stale.
        if (!event.currentTarget.open) onClose();
      }}
    >
      <h2 id="connect-title">Connect “{short(from.text, 60)}”</h2>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (matches[0]) onConnect(matches[0].id, relation);
        }}
      >
        <RelationSelect label="This node" value={relation} onChange={setRelation} />
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
        <ul id={listId} className={styles.matches} aria-label="Matching nodes">
          {matches.length === 0 && <li className={styles.empty}>No other node says that.</li>}
          {matches.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={styles.match}
                onClick={() => onConnect(n.id, relation)}
              >
                <span className={styles.kind}>{n.kind.toLowerCase()}</span> {short(n.text)}
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
