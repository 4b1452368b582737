import {
  citationSegments,
  type CitationOptions,
  type CitationStyle,
  type CitedSource,
} from '@/lib/domain/evidence/citation';

type Props = {
  citationStyle: CitationStyle;
  source: CitedSource;
  /** The page or pages of the quote, for a source with pages. */
  page?: string | null;
  className?: string;
  id?: string;
};

/** A source's citation in the class's style, with its titles or containers in italics. */
export function CitationText({ citationStyle, source, page, className, id }: Props) {
  const options: CitationOptions = { page };
  return (
    <span className={className} id={id}>
      {citationSegments(citationStyle, source, options).map((segment, i) =>
        segment.italic ? <i key={i}>{segment.text}</i> : <span key={i}>{segment.text}</span>,
      )}
    </span>
  );
}
