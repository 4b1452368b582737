'use client';

import type { ReactNode } from 'react';

import { KIND_LABELS, NODE_KINDS, type NodeKind, type Side } from '@/lib/domain/types';
import styles from './filter-menu.module.css';

/**
 * The sides and kinds of node the canvas shows, and the tags it shows only
 * cards with (in lower case; none picked: every card).
 */
export type MapFilterState = { sides: Set<Side>; kinds: Set<NodeKind>; tags: Set<string> };

/** A filter that hides nothing. */
export const showEverything = (): MapFilterState => ({
  sides: new Set(['FOR', 'AGAINST', 'NEUTRAL']),
  kinds: new Set(NODE_KINDS),
  tags: new Set(),
});

type Props = {
  filter: MapFilterState;
  onChange: (filter: MapFilterState) => void;
  sideLabels: Record<Side, string>;
  hiddenCount: number;
  /** The tags the map's cards have, to pick from. */
  tags: string[];
  /** Also called by "Show everything" (a filter kept outside this menu's state: one section's cards). */
  onShowEverything?: () => void;
  /** Other ways to show the cards, under the filter (colouring by impact). */
  children?: ReactNode;
};

/** Which sides and kinds of node the canvas shows. */
export function MapFilter({
  filter,
  onChange,
  sideLabels,
  hiddenCount,
  tags,
  onShowEverything,
  children,
}: Props) {
  const toggle = <T,>(set: Set<T>, value: T) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  return (
    <details className={styles.menu}>
      <summary>Filter{hiddenCount > 0 ? ` (${hiddenCount} hidden)` : ''}</summary>
      <div className={styles.panel}>
        <fieldset>
          <legend>Sides</legend>
          {(['FOR', 'AGAINST', 'NEUTRAL'] as const).map((side) => (
            <label key={side}>
              <input
                type="checkbox"
                checked={filter.sides.has(side)}
                onChange={() => onChange({ ...filter, sides: toggle(filter.sides, side) })}
              />
              {sideLabels[side]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Kinds</legend>
          {NODE_KINDS.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={filter.kinds.has(kind)}
                onChange={() => onChange({ ...filter, kinds: toggle(filter.kinds, kind) })}
              />
              {KIND_LABELS[kind]}
            </label>
          ))}
        </fieldset>
        {tags.length > 0 && (
          <fieldset>
            <legend>Tags</legend>
            <p className={styles.hint}>Pick tags to show only the cards that have one of them.</p>
            {tags.map((tag) => (
              <label key={tag} className={styles.tag}>
                <input
                  type="checkbox"
                  checked={filter.tags.has(tag.toLocaleLowerCase())}
                  onChange={() =>
                    onChange({ ...filter, tags: toggle(filter.tags, tag.toLocaleLowerCase()) })
                  }
                />
                <span title={tag}>{tag}</span>
              </label>
            ))}
          </fieldset>
        )}
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            onChange(showEverything());
            onShowEverything?.();
          }}
          disabled={hiddenCount === 0 && filter.tags.size === 0}
        >
          Show everything
        </button>
        {children}
      </div>
    </details>
  );
}
