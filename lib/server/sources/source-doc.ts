import type { Source } from '../../generated/prisma/client';
import type { SourceDoc } from '../../domain/types';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A source row as pages and the map's snapshot carry it. */
export function sourceDocOf(s: Source): SourceDoc {
  return {
    id: s.id,
    title: s.title,
    author: s.author,
    qualifications: s.qualifications,
    publisher: s.publisher,
    publishedOn: day(s.publishedOn),
    url: s.url,
    accessedOn: day(s.accessedOn),
    format: s.format,
    side: s.side,
    text: s.text,
    pageStarts: s.pageStarts,
    pageLabels: s.pageLabels,
  };
}
