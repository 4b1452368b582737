'use client';

import { useMemo } from 'react';
import { groundedLabelling, type Status } from '@/lib/domain/reasoning/semantics';
import type { GraphEdge, GraphNode } from '@/lib/domain/types';
import { useStands } from '../map/node-decorations';
import styles from './stands.module.css';

/** What each grounded label says on a card (a word, never the colour alone). */
const STANDS_WORDS: Record<Status, string> = {
  IN: 'Stands',
  OUT: 'Defeated',
  UNDECIDED: 'Undecided',
};

const NONE: ReadonlyMap<string, Status> = new Map();

/**
 * Each live card's grounded label (semantics.ts) while `on`, computed here
 * from the graph this browser shows, so it follows every edit, local or
 * streamed; an empty map while off.
 */
export function useWhatStands(
  on: boolean,
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
): ReadonlyMap<string, Status> {
  return useMemo(() => (on ? groundedLabelling({ nodes, edges }).nodes : NONE), [on, nodes, edges]);
}

/** On a card, while the map shows what stands: whether it stands, is defeated or is undecided. */
export function StandsMark({ id }: { id: string }) {
  const status = useStands(id);
  if (status === null) return null;
  return (
    <span className={styles.mark} data-stands={status}>
      {STANDS_WORDS[status]}
    </span>
  );
}

/** Shows each card's grounded label, or stops. */
export function StandsToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <button
      type="button"
      className="button button--quiet"
      aria-pressed={on}
      onClick={() => onChange(!on)}
    >
      What stands
    </button>
  );
}

/** The legend's lines for what stands, while the map shows it. */
export function StandsLegend() {
  return (
    <ul aria-label="What stands">
      {(['IN', 'OUT', 'UNDECIDED'] as const).map((s) => (
        <li key={s}>
          <span className={styles.mark} data-stands={s}>
            {STANDS_WORDS[s]}
          </span>
          {LEGEND_LINES[s]}
        </li>
      ))}
    </ul>
  );
}

const LEGEND_LINES: Record<Status, string> = {
  IN: 'nothing that stands attacks it',
  OUT: 'a card that stands attacks it',
  UNDECIDED: 'attacks go round in a circle: the map cannot settle it',
};
