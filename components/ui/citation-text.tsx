import {
  citationSegments,
  debateCite,
  type CitationStyle,
  type CitedSource,
} from '@/lib/domain/evidence/citation';

type Props = {
  citationStyle: CitationStyle;
  source: CitedSource;
  /** The page or pages of the quote, for a source with pages. */
  page?: string | null;
};

/**
 * A source's citation in the class's style: titles or containers in
 * italics, and in the debate cite the tag read aloud ("Strakes 2020") in
 * bold, as debaters set it.
 */
export function CitationText({ citationStyle, source, page }: Props) {
  if (citationStyle === 'DEBATE') {
    const { short, full } = debateCite(source, { page });
    return (
      <span>
        <strong>{short}</strong>
        {full.slice(short.length)}
      </span>
    );
  }
  return (
    <span>
      {citationSegments(citationStyle, source, { page }).map((segment, i) =>
        segment.italic ? <i key={i}>{segment.text}</i> : <span key={i}>{segment.text}</span>,
      )}
    </span>
  );
}
