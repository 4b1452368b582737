'use client';

import { useId, useMemo } from 'react';
import {
  groundedLabelling,
  weightedLabelling,
  type Status,
} from '@/lib/domain/reasoning/semantics';
import type { WeighChoice } from '@/lib/domain/reasoning/weighing';
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
 * streamed; weighed by a team's ratings when `weights` are given (they
 * follow every vote, as the votes view is fetched again); an empty map
 * while off.
 */
export function useWhatStands(
  on: boolean,
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  weights: ReadonlyMap<string, number> | null,
): ReadonlyMap<string, Status> {
  return useMemo(() => {
    if (!on) return NONE;
    const graph = { nodes, edges };
    return (weights ? weightedLabelling(graph, weights) : groundedLabelling(graph)).nodes;
  }, [on, nodes, edges, weights]);
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

/**
 * What stands weighed by a team's ratings, under the toggle while it is on:
 * a student on a team gets one checkbox (their own team), the owner a
 * choice of team. A choice that cannot be made now is disabled, and says why.
 */
export function WeighControl({
  choices,
  chosen,
  manages,
  onChange,
}: {
  choices: readonly WeighChoice[];
  /** The team weighed by, or null: unweighted. */
  chosen: string | null;
  manages: boolean;
  onChange: (teamId: string | null) => void;
}) {
  const hint = useId();
  const picker = useId();
  if (choices.length === 0) return null;
  if (manages)
    return (
      <div className={styles.weigh}>
        <label htmlFor={picker}>Weigh by a team’s ratings</label>
        <select id={picker} value={chosen ?? ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">No weighting</option>
          {choices.map((c) => (
            <option key={c.teamId} value={c.teamId} disabled={c.reason !== null}>
              {c.reason ? `${c.name} (no ratings yet)` : c.name}
            </option>
          ))}
        </select>
      </div>
    );
  const mine = choices[0]!;
  return (
    <div className={styles.weigh}>
      <label>
        <input
          type="checkbox"
          checked={chosen === mine.teamId && mine.reason === null}
          disabled={mine.reason !== null}
          aria-describedby={mine.reason ? hint : undefined}
          onChange={(e) => onChange(e.target.checked ? mine.teamId : null)}
        />
        Weigh by my team’s ratings
      </label>
      {mine.reason && (
        <p id={hint} className={styles.hint}>
          {mine.reason}
        </p>
      )}
    </div>
  );
}

/**
 * The legend's lines for what stands, while the map shows it: which
 * weighting is on (`weighedBy`: "my team" or a team's name; null: none)
 * and what it means.
 */
export function StandsLegend({ weighedBy }: { weighedBy: string | null }) {
  return (
    <ul aria-label="What stands">
      <li>
        <span className={styles.weighing}>
          {weighedBy
            ? `Weighed by ${weighedBy === 'my team' ? 'my team’s' : `${weighedBy}’s`} ratings: an attack defeats a card only if the team rated the attacker at least as high (cards it has not rated are not compared).`
            : 'Unweighted: every attack counts.'}
        </span>
      </li>
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
