'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { resolveAnchor, segmentText, type Span } from '@/lib/domain/anchor';
import type { GraphNode, SourceDoc } from '@/lib/domain/types';

type Props = {
  sources: SourceDoc[];
  nodes: GraphNode[];
  selectedNodeId: string | null;
  onSelectQuote: (nodeId: string) => void;
};

/**
 * The articles of the map, one tab each, with every anchored quote
 * highlighted. Selecting a node elsewhere brings its quote into view here;
 * choosing a highlight selects its node.
 */
export function SourceReader({ sources, nodes, selectedNodeId, onSelectQuote }: Props) {
  const [activeId, setActiveId] = useState<string | null>(sources[0]?.id ?? null);
  const panelRef = useRef<HTMLDivElement>(null);
  const nodeText = useMemo(() => new Map(nodes.map((n) => [n.id, n.text])), [nodes]);
  const selected = nodes.find((n) => n.id === selectedNodeId);

  // Follow the selection to its source.
  useEffect(() => {
    if (selected?.anchor) setActiveId(selected.anchor.sourceId);
  }, [selected]);

  useEffect(() => {
    if (!selectedNodeId) return;
    const mark = panelRef.current?.querySelector<HTMLElement>(`[data-node-ids~="${CSS.escape(selectedNodeId)}"]`);
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
            onClick={() => setActiveId(s.id)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            <span className={`reader__dot reader__dot--${s.side}`} aria-hidden="true" />
            {s.author}
          </button>
        ))}
      </div>
      <div
        id="reader-panel"
        ref={panelRef}
        className="reader__panel"
        role="tabpanel"
        aria-labelledby={`reader-tab-${active.id}`}
        tabIndex={0}
      >
        <SourceText source={active} nodes={nodes} nodeText={nodeText} selectedNodeId={selectedNodeId} onSelectQuote={onSelectQuote} />
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
}: {
  source: SourceDoc;
  nodes: GraphNode[];
  nodeText: Map<string, string>;
  selectedNodeId: string | null;
  onSelectQuote: (nodeId: string) => void;
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
    return { segments: segmentText(source.text, spans), orphaned: lost };
  }, [source, nodes]);

  const date = source.publishedOn
    ? new Date(`${source.publishedOn}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
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
          if (seg.ids.length === 0) return <span key={seg.start}>{seg.text}</span>;
          const primary = seg.ids.includes(selectedNodeId ?? '') ? selectedNodeId! : seg.ids[0]!;
          return (
            <mark
              key={seg.start}
              className={`reader__mark reader__mark--${source.side}`}
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
