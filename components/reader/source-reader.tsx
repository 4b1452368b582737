'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { resolveAnchor, segmentText, type Span } from '@/lib/domain/anchor';
import type { GraphNode, SourceDoc } from '@/lib/domain/types';

export type QuoteSelection = { sourceId: string; start: number; end: number; text: string };

type Props = {
  sources: SourceDoc[];
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

export type TeamPassage = {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  team: string;
  color: string;
  body: string;
};

/**
 * The selected passage of `container` as offsets into its text. The reader
 * renders the source text verbatim (highlights only wrap parts of it), so
 * offsets in the rendered text are offsets in the source. Surrounding
 * white space is left out.
 */
function selectionIn(container: HTMLElement, sourceId: string): QuoteSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer))
    return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  let start = before.toString().length;
  let end = start + range.toString().length;
  const full = container.textContent ?? '';
  while (start < end && /\s/.test(full[start]!)) start++;
  while (end > start && /\s/.test(full[end - 1]!)) end--;
  if (end <= start) return null;
  return { sourceId, start, end, text: full.slice(start, end) };
}

/**
 * The articles of the map, one tab each, with every anchored quote
 * highlighted. Selecting a node elsewhere brings its quote into view here;
 * choosing a highlight selects its node.
 */
export function SourceReader({
  sources,
  nodes,
  selectedNodeId,
  onSelectQuote,
  onMakeNode,
  teamPassages = [],
  onTeamPassage,
}: Props) {
  const [activeId, setActiveId] = useState<string | null>(sources[0]?.id ?? null);
  const [quote, setQuote] = useState<QuoteSelection | null>(null);
  const [noting, setNoting] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const nodeText = useMemo(() => new Map(nodes.map((n) => [n.id, n.text])), [nodes]);
  const selected = nodes.find((n) => n.id === selectedNodeId);

  // Follow the selection to its source.
  useEffect(() => {
    if (selected?.anchor) setActiveId(selected.anchor.sourceId);
  }, [selected]);

  useEffect(() => {
    if (!selectedNodeId) return;
    const mark = panelRef.current?.querySelector<HTMLElement>(
      `[data-node-ids~="${CSS.escape(selectedNodeId)}"]`,
    );
    mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selectedNodeId, activeId]);

  if (sources.length === 0) {
    return (
      <aside className="reader" aria-label="Source reader">
        <p className="reader__empty">This map has no source documents yet.</p>
      </aside>
    );
  }
  const active = sources.find((s) => s.id === activeId) ?? sources[0]!;

  const canQuote = Boolean(onMakeNode || onTeamPassage);
  const readSelection = () => {
    if (!canQuote || noting !== null) return;
    const text = panelRef.current?.querySelector<HTMLElement>('.reader__text');
    setQuote(text ? selectionIn(text, active.id) : null);
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

  const onTabKey = (event: React.KeyboardEvent, index: number) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = sources[(index + delta + sources.length) % sources.length]!;
    setActiveId(next.id);
    document.getElementById(`reader-tab-${next.id}`)?.focus();
  };

  return (
    <aside className="reader" aria-label="Source reader">
      <div className="reader__tabs" role="tablist" aria-label="Sources">
        {sources.map((s, i) => (
          <button
            key={s.id}
            id={`reader-tab-${s.id}`}
            type="button"
            role="tab"
            className="reader__tab"
            aria-selected={s.id === active.id}
            aria-controls="reader-panel"
            tabIndex={s.id === active.id ? 0 : -1}
            onClick={() => {
              setActiveId(s.id);
              setQuote(null);
            }}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            <span className={`reader__dot reader__dot--${s.side}`} aria-hidden="true" />
            {s.author}
          </button>
        ))}
      </div>
      {canQuote && (
        <div className="reader__quote-bar" role="region" aria-label="Selected passage">
          {quote ? (
            <>
              <span className="reader__quote-text">
                “{quote.text.length > 90 ? `${quote.text.slice(0, 89)}…` : quote.text}”
              </span>
              {onMakeNode && (
                <>
                  <button type="button" className="button" onClick={() => make('CLAIM')}>
                    Make claim
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => make('EVIDENCE')}
                  >
                    Make evidence
                  </button>
                </>
              )}
              {onTeamPassage && noting === null && (
                <>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => void forTeam('HIGHLIGHT')}
                  >
                    Highlight for our team
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => setNoting('')}
                  >
                    Team note…
                  </button>
                </>
              )}
              {onTeamPassage && noting !== null && (
                <form
                  className="reader__note-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (noting.trim()) void forTeam('NOTE', noting);
                  }}
                >
                  <input
                    aria-label="Team note on this passage"
                    value={noting}
                    onChange={(e) => setNoting(e.target.value)}
                    maxLength={2000}
                    autoFocus
                  />
                  <button type="submit" className="button button--small" disabled={!noting.trim()}>
                    Save
                  </button>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    onClick={() => setNoting(null)}
                  >
                    Cancel
                  </button>
                </form>
              )}
            </>
          ) : (
            <span className="reader__quote-hint">
              {onMakeNode
                ? 'Select a passage to make a claim or evidence that quotes it.'
                : 'Select a passage to highlight it or note it for your team.'}
            </span>
          )}
        </div>
      )}
      <div
        id="reader-panel"
        ref={panelRef}
        className="reader__panel"
        role="tabpanel"
        aria-labelledby={`reader-tab-${active.id}`}
        tabIndex={0}
        onMouseUp={readSelection}
        onKeyUp={readSelection}
      >
        <SourceText
          source={active}
          nodes={nodes}
          nodeText={nodeText}
          selectedNodeId={selectedNodeId}
          onSelectQuote={onSelectQuote}
          teamPassages={teamPassages}
        />
      </div>
    </aside>
  );
}

function SourceText({
  source,
  nodes,
  nodeText,
  selectedNodeId,
  onSelectQuote,
  teamPassages,
}: {
  source: SourceDoc;
  nodes: GraphNode[];
  nodeText: Map<string, string>;
  selectedNodeId: string | null;
  onSelectQuote: (nodeId: string) => void;
  teamPassages: TeamPassage[];
}) {
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

  const date = source.publishedOn
    ? new Date(`${source.publishedOn}T00:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : null;

  return (
    <article>
      <h2 className="reader__title">{source.title}</h2>
      <p className="reader__attribution">
        {source.author}
        {source.publisher && <> · {source.publisher}</>}
        {date && <> · {date}</>}
        {source.url && (
          <>
            {' · '}
            <a href={source.url} target="_blank" rel="noreferrer noopener">
              Original
            </a>
          </>
        )}
      </p>
      {orphaned > 0 && (
        <p className="reader__attribution" role="note">
          {orphaned} {orphaned === 1 ? 'quote' : 'quotes'} could not be found in this text any more.
        </p>
      )}
      <p className="reader__text">
        {segments.map((seg) => {
          const team = seg.ids.filter((id) => passages.has(id)).map((id) => passages.get(id)!);
          const nodeIds = seg.ids.filter((id) => !passages.has(id));
          const teamStyle = team.length
            ? ({ '--team': team[0]!.color } as React.CSSProperties)
            : undefined;
          const teamTitle = team.length
            ? team.map((p) => `${p.team}${p.body ? `: ${p.body}` : ' highlight'}`).join('\n')
            : undefined;
          if (nodeIds.length === 0) {
            return team.length ? (
              <mark key={seg.start} className="reader__team" style={teamStyle} title={teamTitle}>
                {seg.text}
              </mark>
            ) : (
              <span key={seg.start}>{seg.text}</span>
            );
          }
          seg = { ...seg, ids: nodeIds };
          const primary = seg.ids.includes(selectedNodeId ?? '') ? selectedNodeId! : seg.ids[0]!;
          return (
            <mark
              key={seg.start}
              className={`reader__mark reader__mark--${source.side}${team.length ? ' reader__team' : ''}`}
              style={teamStyle}
              title={teamTitle}
              data-node-ids={seg.ids.join(' ')}
              role="button"
              tabIndex={0}
              aria-current={seg.ids.includes(selectedNodeId ?? '') ? 'true' : undefined}
              aria-label={`Quote for: ${nodeText.get(primary) ?? ''}`}
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
