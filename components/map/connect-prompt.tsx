'use client';

import { useEffect, useRef } from 'react';
import { RELATION_LABELS, RELATIONS, type Relation } from '@/lib/domain/types';
import styles from './connect-prompt.module.css';
import type { ConnectPrompt as Prompt } from './use-node-creation';

type Props = {
  /** Where the connection was dropped, and the canvas box then, to place the prompt there. */
  prompt: Prompt;
  fromText: string;
  onChoose: (relation: Relation) => void;
  onCancel: () => void;
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Asks how a node dropped on empty canvas relates to the node it was dragged from. */
export function ConnectPrompt({ prompt, fromText, onChoose, onCancel }: Props) {
  const { container } = prompt;
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const left = container
    ? Math.min(Math.max(prompt.screen.x - container.left, 8), container.width - 248)
    : 16;
  const top = container
    ? Math.min(Math.max(prompt.screen.y - container.top, 8), container.height - 260)
    : 16;
  const short = fromText.length > 60 ? `${fromText.slice(0, 59)}…` : fromText;
  return (
    <div
      className={styles.prompt}
      role="dialog"
      aria-label="How does the new node connect?"
      style={{ left, top }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p className={styles.title}>
        {prompt.asReason ? (
          <>How does the new node bear on “{short}”?</>
        ) : (
          <>How does “{short}” bear on the new node?</>
        )}
      </p>
      <div className={styles.choices}>
        {RELATIONS.map((relation, index) => (
          <button
            key={relation}
            ref={index === 0 ? first : undefined}
            type="button"
            className="button button--quiet"
            onClick={() => onChoose(relation)}
          >
            {capitalise(RELATION_LABELS[relation])}
          </button>
        ))}
      </div>
      <button type="button" className={`button button--quiet ${styles.cancel}`} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
