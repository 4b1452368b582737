'use client';

import { useEffect, useRef } from 'react';
import { RELATION_LABELS, RELATIONS, type Relation } from '@/lib/domain/types';
import type { ConnectPrompt as Prompt } from './use-map-editing';

type Props = {
  prompt: Prompt;
  /** The canvas box, to place the prompt where the connection was dropped. */
  container: DOMRect | null;
  fromText: string;
  onChoose: (relation: Relation) => void;
  onCancel: () => void;
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Asks how a node dropped on empty canvas relates to the node it was dragged from. */
export function ConnectPrompt({ prompt, container, fromText, onChoose, onCancel }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const left = container
    ? Math.min(Math.max(prompt.screen.x - container.left, 8), container.width - 248)
    : 16;
  const top = container
    ? Math.min(Math.max(prompt.screen.y - container.top, 8), container.height - 220)
    : 16;
  const short = fromText.length > 60 ? `${fromText.slice(0, 59)}…` : fromText;
  return (
    <div
      className="connect-prompt"
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
      <p className="connect-prompt__title">
        {prompt.asReason ? (
          <>How does the new node bear on “{short}”?</>
        ) : (
          <>How does “{short}” bear on the new node?</>
        )}
      </p>
      <div className="connect-prompt__choices">
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
      <button
        type="button"
        className="button button--quiet connect-prompt__cancel"
        onClick={onCancel}
      >
        Cancel
      </button>
    </div>
  );
}
