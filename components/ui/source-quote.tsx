import type { CitationStyle } from '@/lib/domain/evidence/citation';
import type { Anchor, SourceDoc } from '@/lib/domain/types';
import { CitationText } from './citation-text';
import styles from './source-quote.module.css';

type Props = {
  anchor: Anchor;
  source: SourceDoc;
  /** The class's citation style (the snapshot's). */
  citationStyle: CitationStyle;
  /** The page or pages the quote is on ("4", "4–5"), cited for a PDF source; none for others. */
  page?: string | null;
};

/** A node's quote with its citation in the class's style, as the brief and the prep sheet print it. */
export function SourceQuote({ anchor, source, citationStyle, page = null }: Props) {
  return (
    <blockquote className={styles.quote}>
      “{anchor.exact}”{' '}
      <cite>
        —{' '}
        <CitationText
          citationStyle={citationStyle}
          source={source}
          page={source.format === 'PDF' ? page : null}
        />
      </cite>
    </blockquote>
  );
}
