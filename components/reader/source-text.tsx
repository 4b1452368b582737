'use client';

import { useMemo, type CSSProperties, type Ref } from 'react';
import { CitationText } from '@/components/ui/citation-text';
import { CopyButton } from '@/components/ui/copy-button';
import { resolveAnchor, segmentText, type Span } from '@/lib/domain/anchor';
import {
  CITATION_STYLE_LABELS,
  formatCitation,
  type CitationStyle,
} from '@/lib/domain/evidence/citation';
import type { GraphNode, SourceDoc } from '@/lib/domain/types';
import { formatCalendarDate } from '@/lib/util/format-date';
import styles from './source-text.module.css';
import type { TeamPassage } from './types';

const SIDE_QUOTE: Record<SourceDoc['side'], string | undefined> = {
  FOR: `${styles.quote} ${styles.quoteFor}`,
  AGAINST: `${styles.quote} ${styles.quoteAgainst}`,
  NEUTRAL: styles.quote,
};

type Props = {
  source: SourceDoc;
  citationStyle: CitationStyle;
  nodes: readonly GraphNode[];
  /** Node text by id, to name each quote. */
  nodeText: ReadonlyMap<string, string>;
  selectedNodeId: string | null;
  onSelectQuote: (nodeId: string) => void;
  teamPassages: readonly TeamPassage[];
  /** The element holding the source's text, whose offsets are the source's. */
  textRef: Ref<HTMLParagraphElement>;
};

/**
 * A source: its title, attribution and citation in the class's style, then
 * its text verbatim with every
 * node's quote highlighted (a button selecting the node) and the shown
 * teams' passages underlined. Overlapping quotes split the text at every
 * boundary, so each piece carries all the ids it belongs to.
 */
export function SourceText({
  source,
  citationStyle,
  nodes,
  nodeText,
  selectedNodeId,
  onSelectQuote,
  teamPassages,
  textRef,
}: Props) {
  const { segments, orphaned } = useMemo(() => {
    const spans: Span[] = [];
    let lost = 0;
    for (const n of nodes) {
      if (n.anchor?.sourceId !== source.id) continue;
      const found = resolveAnchor(source.text, n.anchor);
      if (found.status === 'orphaned') lost++;
      else spans.push({ id: n.id, start: found.start, end: found.end });
    }
    // Team passages join the segmentation under ids of their own.
    for (const p of teamPassages)
      if (p.sourceId === source.id) spans.push({ id: `team:${p.id}`, start: p.start, end: p.end });
    return { segments: segmentText(source.text, spans), orphaned: lost };
  }, [source, nodes, teamPassages]);
  const passages = useMemo(
    () => new Map(teamPassages.map((p) => [`team:${p.id}`, p])),
    [teamPassages],
  );

  return (
    <article>
      <h2 className={styles.title}>{source.title}</h2>
      <p className={styles.attribution}>
        {source.author}
        {source.publisher && <> · {source.publisher}</>}
        {source.publishedOn && <> · {formatCalendarDate(source.publishedOn)}</>}
        {source.url && /^https?:\/\//i.test(source.url) && (
          <>
            {' · '}
            <a href={source.url} target="_blank" rel="noreferrer noopener">
              Original
            </a>
          </>
        )}
      </p>
      <div className={styles.citation}>
        <p>
          <span className={styles.citationStyle}>{CITATION_STYLE_LABELS[citationStyle]}: </span>
          <CitationText citationStyle={citationStyle} source={source} />
        </p>
        <CopyButton text={formatCitation(citationStyle, source)} label="Copy citation" />
      </div>
      {orphaned > 0 && (
        <p className={styles.attribution} role="note">
          {orphaned} {orphaned === 1 ? 'quote' : 'quotes'} could not be found in this text any more.
        </p>
      )}
      <p ref={textRef} className={styles.text} data-source-text="">
        {segments.map((seg) => {
          const team = seg.ids.filter((id) => passages.has(id)).map((id) => passages.get(id)!);
          const nodeIds = seg.ids.filter((id) => !passages.has(id));
          const teamStyle = team.length
            ? ({ '--team': team[0]!.color } as CSSProperties)
            : undefined;
          const teamTitle = team.length
            ? team.map((p) => `${p.team}${p.body ? `: ${p.body}` : ' highlight'}`).join('\n')
            : undefined;
          if (nodeIds.length === 0) {
            return team.length ? (
              <mark
                key={seg.start}
                className={styles.team}
                style={teamStyle}
                title={teamTitle}
                data-team-passage=""
              >
                {seg.text}
              </mark>
            ) : (
              <span key={seg.start}>{seg.text}</span>
            );
          }
          const current = nodeIds.includes(selectedNodeId ?? '');
          const primary = current ? selectedNodeId! : nodeIds[0]!;
          return (
            <mark
              key={seg.start}
              className={
                team.length ? `${SIDE_QUOTE[source.side]} ${styles.team}` : SIDE_QUOTE[source.side]
              }
              style={teamStyle}
              title={teamTitle}
              data-node-ids={nodeIds.join(' ')}
              data-team-passage={team.length ? '' : undefined}
              role="button"
              tabIndex={0}
              aria-current={current ? 'true' : undefined}
              // Its name holds the words it shows (and what they are quoted for).
              aria-label={`Quote for: ${nodeText.get(primary) ?? ''}: ${seg.text}`}
              onClick={() => onSelectQuote(primary)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelectQuote(primary);
                }
              }}
            >
              {seg.text}
            </mark>
          );
        })}
      </p>
    </article>
  );
}
