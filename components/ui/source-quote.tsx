import type { CitationStyle } from '@/lib/domain/evidence/citation';
import { pageRange } from '@/lib/domain/evidence/pages';
import type { Anchor, SourceDoc } from '@/lib/domain/types';
import { CitationText } from './citation-text';
import styles from './source-quote.module.css';

type Props = {
  anchor: Anchor;
  source: SourceDoc;
  /** The class's citation style (the snapshot's). */
  citationStyle: CitationStyle;
};

/**
 * A node's quote with its citation in the class's style, as the brief and
 * the prep sheet print it; for a source with pages (a PDF), the page or
 * pages the quote is on.
 */
export function SourceQuote({ anchor, source, citationStyle }: Props) {
  return (
    <blockquote className={styles.quote}>
      “{anchor.exact}”{' '}
      <cite>
        —{' '}
        <CitationText
          citationStyle={citationStyle}
          source={source}
          page={pageRange(source, anchor.start, anchor.end)}
        />
      </cite>
    </blockquote>
  );
}
