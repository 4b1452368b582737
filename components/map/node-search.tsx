'use client';

import { useState } from 'react';
import type { GraphNode } from '@/lib/domain/types';

type Props = { nodes: GraphNode[]; onFound: (id: string) => void };

/**
 * Finds nodes by their text: Enter goes to the next match (Shift+Enter the
 * previous), centring it on the canvas. "/" focuses the box from anywhere.
 */
export function NodeSearch({ nodes, onFound }: Props) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(-1);
  const needle = query.trim().toLowerCase();
  const matches = needle ? nodes.filter((n) => n.text.toLowerCase().includes(needle)) : [];

  const go = (delta: number) => {
    if (matches.length === 0) return;
    const next = (index + delta + matches.length) % matches.length;
    setIndex(next);
    onFound(matches[next]!.id);
  };

  return (
    <div className="search" role="search">
      <input
        id="node-search"
        type="search"
        className="search__input"
        placeholder="Find a claim…"
        aria-label="Find a node"
        aria-keyshortcuts="/"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          }
        }}
      />
      <span className="search__count" role="status" aria-live="polite">
        {needle && (matches.length === 0 ? 'No matches' : index >= 0 ? `${index + 1} of ${matches.length}` : `${matches.length} found`)}
      </span>
    </div>
  );
}
