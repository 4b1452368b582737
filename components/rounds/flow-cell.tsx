import type { EntryMarks } from '@/lib/domain/rounds/flow';
import type { FlowEntry } from '@/lib/domain/rounds/types';
import { RELATION_WORDS } from './entry-composer';
import styles from './flow.module.css';

type Props = {
  entry: FlowEntry;
  marks: EntryMarks | undefined;
  answers: FlowEntry | null;
  /** The entry's card is on the map. */
  linked: boolean;
  speech: number;
};

/** One entry on the flow: its words, how it answers the entry beside it, its card, its marks in words. */
export function FlowCellContent({ entry, marks, answers, linked }: Props) {
  return (
    <div
      className={`${styles.entry} ${entry.teamId ? styles.private : ''} ${marks?.dropped ? styles.dropped : ''}`}
      data-entry={entry.id}
    >
      {answers && entry.relation && (
        <span className={`${styles.answers} ${styles[entry.relation.toLowerCase()]}`}>
          <span aria-hidden="true">← </span>
          {RELATION_WORDS[entry.relation].toLowerCase()}
          <span className="visually-hidden"> “{answers.text.slice(0, 60)}”:</span>
        </span>
      )}
      <span className={styles.text}>{entry.text}</span>
      <span className={styles.badges}>
        {entry.teamId && <span className={styles.badge}>Team note</span>}
        {linked && (
          <span className={styles.badge} title="Linked to a card of the map">
            <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
              <rect
                x="2"
                y="3"
                width="12"
                height="10"
                rx="2"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
              />
              <path d="M5 7h6M5 10h4" stroke="currentColor" strokeWidth="1.4" />
            </svg>
            On the map
          </span>
        )}
        {marks?.dropped && (
          <span className={`${styles.badge} ${styles.badgeDropped}`}>Dropped</span>
        )}
        {marks?.turned && <span className={`${styles.badge} ${styles.badgeTurned}`}>Turned</span>}
        {marks?.extended && (
          <span className={`${styles.badge} ${styles.badgeExtended}`}>Extended</span>
        )}
      </span>
    </div>
  );
}
