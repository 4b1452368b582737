import { sourceLabel } from '@/lib/client/to-flow';
import type { Anchor, SourceDoc } from '@/lib/domain/types';
import styles from './source-quote.module.css';

/** A node's quote with its citation, as the brief and the prep sheet print it. */
export function SourceQuote({ anchor, source }: { anchor: Anchor; source: SourceDoc }) {
  return (
    <blockquote className={styles.quote}>
      “{anchor.exact}”{' '}
      <cite>
        — {sourceLabel(source)}, {source.publisher || source.title}
      </cite>
    </blockquote>
  );
}
