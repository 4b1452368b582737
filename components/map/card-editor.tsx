'use client';

import { useEffect, useEffectEvent, useRef } from 'react';
import { ownKeys, takeTypedAhead } from '@/lib/client/shortcuts';
import { editorRows } from '@/lib/domain/layout';
import { MAX_TEXT_LENGTH } from '@/lib/domain/ops';
import styles from './argument-node.module.css';

type Props = {
  /** The text the editor opens with, selected so that typing replaces it. */
  initial: string;
  onCommit: (text: string) => void;
  onCancel: () => void;
};

/** How many frames to wait for a new card to be drawn before giving up on focusing its editor. */
const FOCUS_FRAMES = 30;

/**
 * A card's text, open for editing: Enter saves, Shift+Enter is a new line,
 * Escape cancels; leaving the field saves. It takes focus when it opens, so
 * typing goes into it and never to the map's shortcuts.
 */
export function CardEditor({ initial, onCommit, onCancel }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    if (save) onCommit(ref.current?.value ?? initial);
    else onCancel();
  };
  // Enter or Escape typed before the editor had the focus.
  const finishTypedAhead = useEffectEvent(finish);
  useEffect(() => {
    // React Flow draws a new card hidden until it has measured it, and a
    // hidden field cannot take focus: try again on the next frames.
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const field = ref.current;
      if (!field) return;
      field.focus();
      if (document.activeElement === field) {
        // What was typed while the card was on its way replaces the
        // placeholder text, as typing into the selected text would have,
        // and an Enter or Escape typed after it saves or cancels.
        const ahead = takeTypedAhead();
        if (ahead.text) {
          field.value = ahead.text;
          field.setSelectionRange(ahead.text.length, ahead.text.length);
        } else field.select();
        if (ahead.then) finishTypedAhead(ahead.then === 'save');
      } else if (++tries < FOCUS_FRAMES) frame = requestAnimationFrame(focus);
      // Given up: keys are shortcuts again.
      else takeTypedAhead();
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <textarea
      ref={ref}
      className={`${styles.editor} nodrag nowheel nopan`}
      aria-label="Node text"
      {...ownKeys}
      defaultValue={initial}
      maxLength={MAX_TEXT_LENGTH}
      rows={editorRows(initial)}
      onKeyDown={(event) => {
        // The keys are the text's: neither React Flow (Shift for a selection
        // box, say) nor the map's shortcuts take them.
        event.stopPropagation();
        if (event.key === 'Enter' && !event.shiftKey) {
          event.preventDefault();
          finish(true);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}
