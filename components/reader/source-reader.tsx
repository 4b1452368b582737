'use client';

import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CitationStyle } from '@/lib/domain/evidence/citation';
import type { GraphNode, SourceDoc } from '@/lib/domain/types';
import { QuoteBar } from './quote-bar';
import { selectionIn } from './selection';
import styles from './source-reader.module.css';
import { SourceTabs, sourceTabId } from './source-tabs';
import { SourceText } from './source-text';
import type { QuoteSelection, TeamPassage } from './types';

export type { QuoteSelection, TeamPassage } from './types';

const PANEL_ID = 'reader-panel';

type Props = {
  sources: SourceDoc[];
  /** How the map's class cites its sources: the active source's citation is shown in it. */
  citationStyle?: CitationStyle;
  /** The source shown first when the selected card quotes none (a link to it). */
  initialSourceId?: string | null;
  /** For editors: the map's sources' pages (`/new` adds one, `/ID` changes its details). */
  sourcesHref?: string;
  nodes: GraphNode[];
  selectedNodeId: string | null;
  onSelectQuote: (nodeId: string) => void;
  /** For editors: turn a selected passage into a node anchored to it. */
  onMakeNode?: (quote: QuoteSelection, kind: 'CLAIM' | 'EVIDENCE') => void;
  /** Passages highlighted or noted in the team layers shown. */
  teamPassages?: TeamPassage[];
  /** For a member of a team: highlight or note a selected passage in the team's private layer. */
  onTeamPassage?: (
    quote: QuoteSelection,
    kind: 'HIGHLIGHT' | 'NOTE',
    body: string,
  ) => Promise<boolean>;
};

/**
 * The source the reader shows: the one the reader chose, switched to the
 * selected node's source whenever the selected node changes.
 */
function useShownSource(
  sources: readonly SourceDoc[],
  selected: GraphNode | undefined,
  initialSourceId: string | null,
) {
  const [activeId, setActiveId] = useState<string | null>(
    selected?.anchor?.sourceId ?? initialSourceId ?? sources[0]?.id ?? null,
  );
  // Follow the selection while rendering, not in an effect, so the old
  // source is never drawn first.
  const [followed, setFollowed] = useState(selected);
  if (selected !== followed) {
    setFollowed(selected);
    if (selected?.anchor) setActiveId(selected.anchor.sourceId);
  }
  return [activeId, setActiveId] as const;
}

/**
 * The articles of the map, one tab each, with every anchored quote
 * highlighted. Selecting a node elsewhere brings its quote into view here;
 * choosing a highlight selects its node.
 */
export function SourceReader({
  sources,
  citationStyle = 'DEBATE',
  initialSourceId = null,
  sourcesHref,
  nodes,
  selectedNodeId,
  onSelectQuote,
  onMakeNode,
  teamPassages = [],
  onTeamPassage,
}: Props) {
  const nodeText = useMemo(() => new Map(nodes.map((n) => [n.id, n.text])), [nodes]);
  const selected = nodes.find((n) => n.id === selectedNodeId);
  const [activeId, setActiveId] = useShownSource(sources, selected, initialSourceId);
  const [quote, setQuote] = useState<QuoteSelection | null>(null);
  const [noting, setNoting] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLParagraphElement>(null);

  // Bring the selected node's quote into view.
  useEffect(() => {
    if (!selectedNodeId) return;
    const mark = panelRef.current?.querySelector<HTMLElement>(
      `[data-node-ids~="${CSS.escape(selectedNodeId)}"]`,
    );
    mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selectedNodeId, activeId]);

  if (sources.length === 0) {
    return (
      <aside className={styles.reader} aria-label="Source reader">
        <p className={styles.empty}>This map has no source documents yet.</p>
        {sourcesHref && (
          <p className={styles.emptyHint}>
            <Link href={`${sourcesHref}/new`}>Add a source</Link>: a PDF, a Word file, a web page or
            a text.
          </p>
        )}
      </aside>
    );
  }
  const active = sources.find((s) => s.id === activeId) ?? sources[0]!;

  const canQuote = Boolean(onMakeNode || onTeamPassage);
  const readSelection = () => {
    if (!canQuote || noting !== null) return;
    setQuote(textRef.current ? selectionIn(textRef.current, active.id) : null);
  };
  const forTeam = async (kind: 'HIGHLIGHT' | 'NOTE', body = '') => {
    if (!quote || !onTeamPassage) return;
    if (await onTeamPassage(quote, kind, body)) {
      setQuote(null);
      setNoting(null);
      window.getSelection()?.removeAllRanges();
    }
  };
  const make = (kind: 'CLAIM' | 'EVIDENCE') => {
    if (!quote || !onMakeNode) return;
    onMakeNode(quote, kind);
    setQuote(null);
    window.getSelection()?.removeAllRanges();
  };

  return (
    <aside className={styles.reader} aria-label="Source reader">
      <SourceTabs
        sources={sources}
        activeId={active.id}
        panelId={PANEL_ID}
        onChoose={(id) => {
          setActiveId(id);
          setQuote(null);
        }}
      />
      {sourcesHref && (
        <p className={styles.sourceTools}>
          <Link href={`${sourcesHref}/new`}>Add a source</Link>
          <Link href={`${sourcesHref}/${active.id}`}>Details of “{active.title}”</Link>
        </p>
      )}
      {canQuote && (
        <QuoteBar
          quote={quote}
          onMakeNode={onMakeNode && make}
          onForTeam={onTeamPassage && ((kind, body) => void forTeam(kind, body))}
          noting={noting}
          onNoting={setNoting}
        />
      )}
      <div
        id={PANEL_ID}
        ref={panelRef}
        className={styles.panel}
        role="tabpanel"
        aria-labelledby={sourceTabId(active.id)}
        tabIndex={0}
        onMouseUp={readSelection}
        onKeyUp={readSelection}
      >
        <SourceText
          source={active}
          citationStyle={citationStyle}
          nodes={nodes}
          nodeText={nodeText}
          selectedNodeId={selectedNodeId}
          onSelectQuote={onSelectQuote}
          teamPassages={teamPassages}
          textRef={textRef}
        />
      </div>
    </aside>
  );
}
