'use client';

import type { KeyboardEvent, RefObject } from 'react';
import { ownKeys } from '@/lib/client/shortcuts';
import { segments, type CardMarks, type MarkRange } from '@/lib/domain/evidence/card';
import type { Anchor } from '@/lib/domain/types';
import { selectionIn } from '../reader/selection';
import styles from './evidence-card.module.css';

type Props = {
  anchor: Anchor;
  marks: CardMarks;
  passageRef: RefObject<HTMLDivElement | null>;
  /** Called with the selected words as offsets into the passage (null when nothing is selected). */
  onSelect: (range: MarkRange | null) => void;
};

const SENTENCE_END = /[.!?…]["”’)\]]*\s*$/;

/**
 * A card's passage, as debaters read it: underlined words underlined,
 * highlighted words on a highlight, and the rest in smaller type, shown,
 * never dropped. "[…]" stands where the passage starts or ends in the
 * middle of a sentence of its source. The passage's text is exactly the
 * quote (the markers are outside it), so a selection inside it is offsets
 * into the quote.
 */
export function CardPassage({ anchor, marks, passageRef, onSelect }: Props) {
  const cutBefore = anchor.prefix.trim() !== '' && !SENTENCE_END.test(anchor.prefix);
  const cutAfter = anchor.suffix.trim() !== '' && !SENTENCE_END.test(anchor.exact);
  const read = () => {
    const el = passageRef.current;
    const quote = el ? selectionIn(el, anchor.sourceId) : null;
    onSelect(quote ? [quote.start, quote.end] : null);
  };
  return (
    <div className={styles.passageBox}>
      {cutBefore && (
        <span className={styles.ellipsis} title="The passage starts mid-sentence">
          […]{' '}
        </span>
      )}
      <div
        ref={passageRef}
        className={styles.passage}
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        tabIndex={0}
        {...ownKeys}
        aria-label="Passage: select words, then underline or highlight them"
        onMouseUp={read}
        onKeyUp={read}
        onKeyDown={(event) => selectByKeyboard(event, passageRef.current)}
      >
        {segments(anchor.exact, marks).map((run) => {
          const className = [
            run.underline && styles.underlined,
            run.highlight && styles.highlighted,
            !run.underline && !run.highlight && styles.unmarked,
          ]
            .filter(Boolean)
            .join(' ');
          const marked = {
            'data-start': run.start,
            'data-marks':
              [run.underline && 'underline', run.highlight && 'highlight']
                .filter(Boolean)
                .join(' ') || undefined,
          };
          return run.highlight ? (
            <mark key={run.start} className={className} {...marked}>
              {run.text}
            </mark>
          ) : (
            <span key={run.start} className={className} {...marked}>
              {run.text}
            </span>
          );
        })}
      </div>
      {cutAfter && (
        <span className={styles.ellipsis} title="The passage ends mid-sentence">
          {' '}
          […]
        </span>
      )}
    </div>
  );
}

type ModifiableSelection = Selection & {
  modify?: (
    alter: 'move' | 'extend',
    direction: 'forward' | 'backward',
    granularity: string,
  ) => void;
};

/**
 * Selecting with the keyboard in text that cannot be typed in: the arrow
 * keys move a caret through the passage, with Shift they select, and with
 * Ctrl (Alt on a Mac) they go a word at a time. Browsers do this only in
 * caret browsing, so the passage does it itself.
 */
function selectByKeyboard(event: KeyboardEvent<HTMLDivElement>, passage: HTMLElement | null) {
  if (!passage || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
  const selection = window.getSelection() as ModifiableSelection | null;
  if (!selection?.modify) return;
  event.preventDefault();
  if (!selection.anchorNode || !passage.contains(selection.anchorNode)) {
    const walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode();
    if (!first) return;
    selection.collapse(first, 0);
  }
  selection.modify(
    event.shiftKey ? 'extend' : 'move',
    event.key === 'ArrowRight' ? 'forward' : 'backward',
    event.ctrlKey || event.altKey ? 'word' : 'character',
  );
}
