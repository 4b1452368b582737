'use client';

import styles from './quote-bar.module.css';
import type { QuoteSelection } from './types';

type Props = {
  /** The passage selected in the text, if any. */
  quote: QuoteSelection | null;
  /** Offered to editors: a claim or evidence node quoting the passage. */
  onMakeNode?: (kind: 'CLAIM' | 'EVIDENCE') => void;
  /** Offered to members of a team: mark the passage in the team's layer. */
  onForTeam?: (kind: 'HIGHLIGHT' | 'NOTE', body?: string) => void;
  /** The team note being written, or null when the note box is closed. */
  noting: string | null;
  onNoting: (text: string | null) => void;
};

/**
 * Above the text: the selected passage and what can be done with it (make a
 * node of it, highlight or note it for the team), or a hint to select one.
 */
export function QuoteBar({ quote, onMakeNode, onForTeam, noting, onNoting }: Props) {
  return (
    <div className={styles.bar} role="region" aria-label="Selected passage">
      {quote ? (
        <>
          <span className={styles.quote}>
            “{quote.text.length > 90 ? `${quote.text.slice(0, 89)}…` : quote.text}”
          </span>
          {onMakeNode && (
            <>
              <button type="button" className="button" onClick={() => onMakeNode('CLAIM')}>
                Make claim
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => onMakeNode('EVIDENCE')}
              >
                Make evidence
              </button>
            </>
          )}
          {onForTeam && noting === null && (
            <>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => onForTeam('HIGHLIGHT')}
              >
                Highlight for our team
              </button>
              <button type="button" className="button button--quiet" onClick={() => onNoting('')}>
                Team note…
              </button>
            </>
          )}
          {onForTeam && noting !== null && (
            <form
              className={styles.noteForm}
              onSubmit={(e) => {
                e.preventDefault();
                if (noting.trim()) onForTeam('NOTE', noting);
              }}
            >
              <input
                aria-label="Team note on this passage"
                value={noting}
                onChange={(e) => onNoting(e.target.value)}
                maxLength={2000}
                autoFocus
              />
              <button type="submit" className="button button--small" disabled={!noting.trim()}>
                Save
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => onNoting(null)}
              >
                Cancel
              </button>
            </form>
          )}
        </>
      ) : (
        <span className={styles.hint}>
          {onMakeNode
            ? 'Select a passage to make a claim or evidence that quotes it.'
            : 'Select a passage to highlight it or note it for your team.'}
        </span>
      )}
    </div>
  );
}
