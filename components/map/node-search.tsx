'use client';

import { useMemo, useRef, useState } from 'react';
import { useShortcuts } from '@/lib/client/shortcuts';
import { searchableText, searchNodes } from '@/lib/domain/search';
import type { SocialView } from '@/lib/domain/social';
import type { GraphNode } from '@/lib/domain/types';
import styles from './node-search.module.css';

type Props = { nodes: GraphNode[]; social: SocialView | null; onFound: (id: string) => void };

/**
 * Finds nodes by their text, their discussion and the team notes the reader
 * may see: Enter goes to the next match (Shift+Enter the previous),
 * centring it on the canvas. "/" focuses the box from anywhere.
 */
export function NodeSearch({ nodes, social, onFound }: Props) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(-1);
  const needle = query.trim().toLowerCase();
  const extra = useMemo(() => searchableText(social), [social]);
  const matches = searchNodes(nodes, query, extra);
  const input = useRef<HTMLInputElement>(null);
  useShortcuts([{ key: '/', run: () => input.current?.focus() }]);

  const go = (delta: number) => {
    if (matches.length === 0) return;
    const next = (index + delta + matches.length) % matches.length;
    setIndex(next);
    onFound(matches[next]!.id);
  };

  return (
    <div className={styles.search} role="search">
      <input
        ref={input}
        type="search"
        className={styles.input}
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
      <span className={styles.count} role="status" aria-live="polite">
        {needle &&
          (matches.length === 0
            ? 'No matches'
            : index >= 0
              ? `${index + 1} of ${matches.length}`
              : `${matches.length} found`)}
      </span>
    </div>
  );
}
